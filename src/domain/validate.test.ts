import { describe, expect, it } from 'vitest';
import { describeError, describeWarning } from './messages.ts';
import { ERROR_LIST_CAP, parseDatasetText, validateDataset } from './validate.ts';

function base() {
  return {
    schemaVersion: 1,
    title: 'Huyện Thử',
    units: [
      { id: 'd', name: 'Huyện Thử', level: 'district' },
      { id: 'c', name: 'Xã Một', level: 'commune', parentId: 'd', code: '00001' },
    ],
    records: [
      {
        unitId: 'c',
        month: '2022-01',
        carriedOver: 2,
        received: 10,
        receivedOnlineLevel3: 3,
        receivedOnlineLevel4: 1,
        resolvedEarly: 1,
        resolvedOnTime: 8,
        resolvedLate: 0,
        pendingWithinDeadline: 3,
        pendingOverdue: 0,
        feesVnd: 100000,
      },
      {
        unitId: 'c',
        month: '2022-02',
        carriedOver: 3,
        received: 5,
        receivedOnlineLevel3: 0,
        receivedOnlineLevel4: 5,
        resolvedEarly: 0,
        resolvedOnTime: 6,
        resolvedLate: 1,
        withdrawn: 1,
        pendingWithinDeadline: 0,
        pendingOverdue: 0,
        feesVnd: 0,
        interlinked: 2,
      },
    ],
  };
}

type Base = ReturnType<typeof base> & Record<string, unknown>;

/** Apply a change to a fresh valid dataset and return what validation says. */
function errorsAfter(change: (d: Base) => void) {
  const d = base() as Base;
  change(d);
  const result = validateDataset(JSON.parse(JSON.stringify(d)));
  if (result.ok) throw new Error('expected the dataset to be refused');
  return result.errors;
}

function rec(d: Base, i: number): Record<string, unknown> {
  return d.records[i] as unknown as Record<string, unknown>;
}
function unit(d: Base, i: number): Record<string, unknown> {
  return d.units[i] as unknown as Record<string, unknown>;
}

describe('a valid dataset', () => {
  it('loads without warnings', () => {
    const result = validateDataset(base());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings).toEqual([]);
      expect(result.dataset.records).toHaveLength(2);
    }
  });

  it('loads from text that starts with a byte-order mark', () => {
    const result = parseDatasetText(`\ufeff${JSON.stringify(base())}`);
    expect(result.ok).toBe(true);
  });
});

describe('each rule of the contract refuses with the path of the problem', () => {
  const cases: [string, (d: Base) => void, string, string][] = [
    ['schemaVersion other than 1 or 2', (d) => (d.schemaVersion = 3 as 1), 'schemaVersion', 'schema_version'],
    ['schemaVersion missing', (d) => delete (d as Partial<Base>).schemaVersion, 'schemaVersion', 'missing_field'],
    ['title missing', (d) => delete (d as Partial<Base>).title, 'title', 'missing_field'],
    ['title blank', (d) => (d.title = '  '), 'title', 'blank'],
    ['illustrative not boolean', (d) => (d.illustrative = 'yes'), 'illustrative', 'wrong_type'],
    ['updatedAt not a date', (d) => (d.updatedAt = '27/05/2022'), 'updatedAt', 'bad_date'],
    ['updatedAt not a real day', (d) => (d.updatedAt = '2022-02-30'), 'updatedAt', 'bad_date'],
    ['target above 1', (d) => (d.targets = { onTimeRate: 95 }), 'targets.onTimeRate', 'fraction_range'],
    ['unknown target', (d) => (d.targets = { lateRate: 0.1 }), 'targets.lateRate', 'unknown_field'],
    ['fact without label', (d) => (d.facts = [{ value: 3 }]), 'facts[0].label', 'missing_field'],
    ['units missing', (d) => delete (d as Partial<Base>).units, 'units', 'missing_field'],
    ['units empty', (d) => (d.units = []), 'units', 'too_few_units'],
    ['unit level unknown', (d) => (unit(d, 0).level = 'town'), 'units[0].level', 'bad_level'],
    ['unit id duplicated', (d) => (unit(d, 1).id = 'd'), 'units[1].id', 'duplicate_unit'],
    ['parentId names no unit', (d) => (unit(d, 1).parentId = 'x'), 'units[1].parentId', 'unknown_parent'],
    ['parentId cycle', (d) => (unit(d, 0).parentId = 'c'), 'units[0].parentId', 'parent_cycle'],
    ['unit with an unknown field', (d) => (unit(d, 0).population = 5), 'units[0].population', 'unknown_field'],
    ['records missing', (d) => delete (d as Partial<Base>).records, 'records', 'missing_field'],
    ['record of an unknown unit', (d) => (rec(d, 1).unitId = 'z'), 'records[1].unitId', 'unknown_unit'],
    ['two records for one unit and month', (d) => (rec(d, 1).month = '2022-01'), 'records[1]', 'duplicate_record'],
    ['month 13', (d) => (rec(d, 0).month = '2021-13'), 'records[0].month', 'bad_month'],
    ['month without leading zero', (d) => (rec(d, 0).month = '2021-1'), 'records[0].month', 'bad_month'],
    ['negative count', (d) => (rec(d, 0).received = -1), 'records[0].received', 'negative'],
    ['fractional count', (d) => (rec(d, 0).resolvedOnTime = 1.5), 'records[0].resolvedOnTime', 'not_integer'],
    ['count as text', (d) => (rec(d, 0).received = '27.866'), 'records[0].received', 'wrong_type'],
    ['count null', (d) => (rec(d, 0).feesVnd = null), 'records[0].feesVnd', 'wrong_type'],
    ['count past the safe range', (d) => (rec(d, 0).feesVnd = 2 ** 53 + 2), 'records[0].feesVnd', 'too_large'],
    ['required count missing', (d) => delete rec(d, 0).pendingOverdue, 'records[0].pendingOverdue', 'missing_field'],
    ['misspelt field', (d) => (rec(d, 0).recieved = 1), 'records[0].recieved', 'unknown_field'],
    [
      'online above received',
      (d) => (rec(d, 0).receivedOnlineLevel4 = 8),
      'records[0].receivedOnlineLevel4',
      'online_exceeds_received',
    ],
    [
      'interlinked above received',
      (d) => (rec(d, 1).interlinked = 6),
      'records[1].interlinked',
      'part_exceeds_received',
    ],
    [
      'saturday above received',
      (d) => (rec(d, 1).saturdayReceived = 6),
      'records[1].saturdayReceived',
      'part_exceeds_received',
    ],
    ['optional withdrawn negative', (d) => (rec(d, 1).withdrawn = -2), 'records[1].withdrawn', 'negative'],
    ['unknown top-level field', (d) => (d.author = 'x'), 'author', 'unknown_field'],
  ];

  it.each(cases)('%s → %s', (_name, change, path, code) => {
    const errors = errorsAfter(change);
    const found = errors.find((e) => e.path === path && e.code === code);
    expect(found, JSON.stringify(errors)).toBeDefined();
    // The message a person reads starts with the same path.
    expect(describeError(found as NonNullable<typeof found>, 'en').startsWith(`${path}:`)).toBe(true);
  });

  it('suggests the field a misspelling was meant to be', () => {
    const errors = errorsAfter((d) => {
      rec(d, 0).recieved = rec(d, 0).received;
      delete rec(d, 0).received;
    });
    const unknown = errors.find((e) => e.code === 'unknown_field');
    expect(unknown?.detail?.suggestion).toBe('received');
    expect(describeError(unknown as NonNullable<typeof unknown>, 'en')).toContain('did you mean "received"');
    expect(errors.some((e) => e.path === 'records[0].received' && e.code === 'missing_field')).toBe(true);
  });

  it('shows the offending value, shortened', () => {
    const errors = errorsAfter((d) => (unit(d, 0).level = 'x'.repeat(500)));
    const e = errors.find((x) => x.path === 'units[0].level');
    expect(e?.value?.length).toBeLessThanOrEqual(60);
    expect(describeError(e as NonNullable<typeof e>, 'vi')).toContain('giá trị: "xxx');
  });

  it('reports every error, capped, with the full count', () => {
    const d = base();
    const many = Array.from({ length: 600 }, (_, i) => ({ ...d.records[0], month: `2022-13`, unitId: `u${i}` }));
    const result = validateDataset({ ...d, records: many });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(ERROR_LIST_CAP);
      expect(result.errorCount).toBe(1200);
    }
  });

  it('checks the records itself unless they were found to pass for the version the file declares', () => {
    const d = base();
    const broken = { ...d, records: [{ ...d.records[0], month: '2022-13' }] };
    // A version-1 file said to pass for version 2: the claim does not apply, and the record is checked.
    const other = validateDataset(JSON.parse(JSON.stringify(broken)), { recordsPassFor: 2 });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.errors.map((e) => e.path)).toContain('records[0].month');
    expect(validateDataset(JSON.parse(JSON.stringify(d)), { recordsPassFor: 1 }).ok).toBe(true);
  });

  it('names the versions this build reads', () => {
    const [e] = errorsAfter((d) => (d.schemaVersion = 3 as 1));
    expect(describeError(e as NonNullable<typeof e>, 'en')).toContain('this build reads versions 1, 2.');
    expect(describeError(e as NonNullable<typeof e>, 'vi')).toContain('bản này đọc phiên bản 1, 2.');
  });

  it('refuses a __proto__ key without touching Object.prototype', () => {
    const result = parseDatasetText(JSON.stringify(base()).replace('{', '{"__proto__":{"polluted":1},'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('text that is not a dataset', () => {
  it.each([
    ['', 'empty_file'],
    ['   \n', 'empty_file'],
    ['<!doctype html><title>404</title>', 'html_instead_of_json'],
    ['{"schemaVersion": 1,', 'json_truncated'],
    ['[1, 2]', 'not_an_object'],
  ])('%j → %s', (text, code) => {
    const result = parseDatasetText(text);
    expect(result.ok ? null : result.errors[0]?.code).toBe(code);
  });

  it('gives the line and column of a syntax error', () => {
    const result = parseDatasetText('{\n  "schemaVersion": 1,\n  "title": "x",,\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.code).toBe('json_syntax');
      expect(result.errors[0]?.detail).toMatchObject({ line: 3 });
      expect(describeError(result.errors[0] as never, 'vi')).toContain('dòng 3');
    }
  });
});

describe('warnings', () => {
  it('reports a failing flow identity with both sides', () => {
    const d = base();
    rec(d as Base, 0).resolvedOnTime = 7;
    const result = validateDataset(d);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const flow = result.warnings.find((w) => w.code === 'flow_identity');
    expect(flow).toMatchObject({ unitId: 'c', month: '2022-01', left: 12, right: 11, path: 'records[0]' });
    expect(describeWarning(flow as never, 'vi', 'Xã Một')).toBe(
      'Xã Một, tháng 1/2022: kỳ trước chuyển sang + mới tiếp nhận = 12, nhưng đã giải quyết + trả lại + đang giải quyết = 11.',
    );
  });

  it('reports a broken month chain with both sides', () => {
    const d = base();
    rec(d as Base, 1).carriedOver = 4;
    rec(d as Base, 1).resolvedOnTime = 7;
    const result = validateDataset(d);
    expect(result.ok && result.warnings).toEqual([
      { code: 'month_chain', path: 'records[1].carriedOver', unitId: 'c', month: '2022-02', left: 4, right: 3 },
    ]);
  });
});

describe('several unknown fields in one object', () => {
  it('are all reported, each with its own path', () => {
    const d = base() as Base;
    d.foo = 1;
    d.bar = 2;
    rec(d, 0).recieved = 1;
    rec(d, 0).extra = 1;
    const result = validateDataset(JSON.parse(JSON.stringify(d)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const unknown = result.errors.filter((e) => e.code === 'unknown_field').map((e) => e.path);
    expect(unknown.sort()).toEqual(['bar', 'foo', 'records[0].extra', 'records[0].recieved']);
  });
});

/** A valid version-2 dataset: a commune reporting by two fields (online totals, fees left out once), a ward not by field. */
function baseV2() {
  return {
    schemaVersion: 2,
    title: 'Tỉnh Thử',
    fields: [
      { id: 'dat-dai', name: 'Đất đai', code: '01' },
      { id: 'ho-tich', name: 'Hộ tịch' },
      { id: 'chung-thuc', name: 'Chứng thực' },
    ],
    units: [
      { id: 'p', name: 'Tỉnh Thử', level: 'province' },
      { id: 'c', name: 'Xã Một', level: 'commune', parentId: 'p' },
      { id: 'w', name: 'Phường Hai', level: 'commune', parentId: 'p' },
    ],
    records: [
      {
        unitId: 'c',
        month: '2025-07',
        fieldId: 'dat-dai',
        carriedOver: 2,
        received: 10,
        receivedOnline: 4,
        resolvedEarly: 1,
        resolvedOnTime: 7,
        resolvedLate: 1,
        pendingWithinDeadline: 2,
        pendingOverdue: 1,
        feesVnd: 500000,
        apologyLetters: 1,
      },
      {
        unitId: 'c',
        month: '2025-07',
        fieldId: 'ho-tich',
        carriedOver: 0,
        received: 20,
        receivedOnline: 15,
        resolvedEarly: 5,
        resolvedOnTime: 15,
        resolvedLate: 0,
        pendingWithinDeadline: 0,
        pendingOverdue: 0,
      },
      {
        unitId: 'c',
        month: '2025-08',
        fieldId: 'dat-dai',
        carriedOver: 3,
        received: 8,
        receivedOnline: 5,
        receivedOnlineLevel3: 3,
        receivedOnlineLevel4: 2,
        resolvedEarly: 0,
        resolvedOnTime: 9,
        resolvedLate: 2,
        pendingWithinDeadline: 0,
        pendingOverdue: 0,
      },
      {
        unitId: 'w',
        month: '2025-07',
        carriedOver: 0,
        received: 5,
        receivedOnlineLevel3: 1,
        receivedOnlineLevel4: 1,
        resolvedEarly: 0,
        resolvedOnTime: 5,
        resolvedLate: 0,
        pendingWithinDeadline: 0,
        pendingOverdue: 0,
      },
    ],
  };
}

type BaseV2 = ReturnType<typeof baseV2> & Record<string, unknown>;

function errorsAfterV2(change: (d: BaseV2) => void) {
  const d = baseV2() as BaseV2;
  change(d);
  const result = validateDataset(JSON.parse(JSON.stringify(d)));
  if (result.ok) throw new Error('expected the dataset to be refused');
  return result.errors;
}

const recV2 = (d: BaseV2, i: number) => d.records[i] as unknown as Record<string, unknown>;
const fieldV2 = (d: BaseV2, i: number) => d.fields[i] as unknown as Record<string, unknown>;

describe('version 2: a valid dataset', () => {
  it('loads by field, with online totals, a split, and fees left out, without warnings', () => {
    const result = validateDataset(baseV2());
    expect(result.ok, result.ok ? '' : JSON.stringify(result.errors)).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.dataset.schemaVersion).toBe(2);
    // What loads is what the file says: nothing filled in, no fees invented.
    expect(result.dataset).toEqual(baseV2());
    expect(result.dataset.records[1]?.feesVnd).toBeUndefined();
  });

  it('loads a version-2 file with no fields at all, records as in version 1 but fees optional', () => {
    const d = baseV2() as Partial<BaseV2>;
    delete d.fields;
    d.records = (d.records ?? []).filter((r) => !('fieldId' in r));
    expect(validateDataset(d).ok).toBe(true);
  });
});

describe('version 2: each new rule refuses with the path of the problem', () => {
  const cases: [string, (d: BaseV2) => void, string, string][] = [
    ['field name blank', (d) => (fieldV2(d, 2).name = ' '), 'fields[2].name', 'blank'],
    ['field without id', (d) => delete fieldV2(d, 1).id, 'fields[1].id', 'missing_field'],
    ['field code blank', (d) => (fieldV2(d, 1).code = ''), 'fields[1].code', 'blank'],
    ['field id duplicated', (d) => (fieldV2(d, 2).id = 'dat-dai'), 'fields[2].id', 'duplicate_field'],
    ['field with an unknown key', (d) => (fieldV2(d, 0).nmae = 'x'), 'fields[0].nmae', 'unknown_field'],
    ['fields not a list', (d) => ((d as Record<string, unknown>).fields = {}), 'fields', 'wrong_type'],
    ['fieldId not in fields', (d) => (recV2(d, 1).fieldId = 'xay-dung'), 'records[1].fieldId', 'unknown_field_id'],
    ['fieldId blank', (d) => (recV2(d, 1).fieldId = ''), 'records[1].fieldId', 'blank'],
    ['fieldId a number', (d) => (recV2(d, 1).fieldId = 3), 'records[1].fieldId', 'wrong_type'],
    ['a unit by field leaves it out once', (d) => delete recV2(d, 2).fieldId, 'records[2].fieldId', 'mixed_fields'],
    [
      'a unit not by field gives one',
      (d) => d.records.push({ ...d.records[3], month: '2025-08', fieldId: 'ho-tich' } as never),
      'records[4].fieldId',
      'mixed_fields',
    ],
    [
      'two records for one unit, month and field',
      (d) => (recV2(d, 2).month = '2025-07'),
      'records[2]',
      'duplicate_record',
    ],
    [
      'no online figure',
      (d) => {
        delete recV2(d, 2).receivedOnline;
        delete recV2(d, 2).receivedOnlineLevel3;
        delete recV2(d, 2).receivedOnlineLevel4;
      },
      'records[2].receivedOnline',
      'online_missing',
    ],
    [
      'level 3 without level 4',
      (d) => delete recV2(d, 3).receivedOnlineLevel4,
      'records[3].receivedOnlineLevel4',
      'online_level_missing',
    ],
    [
      'level 4 without level 3',
      (d) => delete recV2(d, 2).receivedOnlineLevel3,
      'records[2].receivedOnlineLevel3',
      'online_level_missing',
    ],
    [
      'online total not the sum of the levels',
      (d) => (recV2(d, 2).receivedOnline = 6),
      'records[2].receivedOnline',
      'online_sum_mismatch',
    ],
    [
      'online total above received',
      (d) => (recV2(d, 0).receivedOnline = 11),
      'records[0].receivedOnline',
      'online_exceeds_received',
    ],
    ['online total negative', (d) => (recV2(d, 0).receivedOnline = -1), 'records[0].receivedOnline', 'negative'],
    ['fees null rather than left out', (d) => (recV2(d, 1).feesVnd = null), 'records[1].feesVnd', 'wrong_type'],
    ['misspelt fieldId', (d) => (recV2(d, 1).feildId = 'x'), 'records[1].feildId', 'unknown_field'],
  ];

  it.each(cases)('%s → %s', (_name, change, path, code) => {
    const errors = errorsAfterV2(change);
    const found = errors.find((e) => e.path === path && e.code === code);
    expect(found, JSON.stringify(errors)).toBeDefined();
    for (const lang of ['vi', 'en'] as const) {
      expect(describeError(found as NonNullable<typeof found>, lang).startsWith(`${path}:`)).toBe(true);
    }
  });

  it('words each new error in both languages, with its facts', () => {
    const one = (change: (d: BaseV2) => void, path: string) => {
      const e = errorsAfterV2(change).find((x) => x.path === path);
      if (!e) throw new Error(`no error at ${path}`);
      return { vi: describeError(e, 'vi'), en: describeError(e, 'en') };
    };
    expect(one((d) => (fieldV2(d, 2).id = 'dat-dai'), 'fields[2].id')).toEqual({
      vi: 'fields[2].id: Mã lĩnh vực bị trùng (đã có ở fields[0]). (giá trị: "dat-dai")',
      en: 'fields[2].id: Duplicate field id (first at fields[0]). (value: "dat-dai")',
    });
    expect(one((d) => (recV2(d, 1).fieldId = 'xay-dung'), 'records[1].fieldId').en).toBe(
      'records[1].fieldId: fieldId is not in the list of fields "fields". (value: "xay-dung")',
    );
    expect(one((d) => delete recV2(d, 2).fieldId, 'records[2].fieldId').en).toBe(
      'records[2].fieldId: fieldId missing: this unit reports by field (as at records[0]), so every record of it needs a fieldId.',
    );
    expect(one((d) => (recV2(d, 2).month = '2025-07'), 'records[2]')).toEqual({
      vi: 'records[2]: Trùng số liệu của cùng đơn vị, tháng và lĩnh vực (đã có ở records[0]). (giá trị: "c" 2025-07 "dat-dai")',
      en: 'records[2]: A second record for the same unit, month and field (first at records[0]). (value: "c" 2025-07 "dat-dai")',
    });
    expect(one((d) => (recV2(d, 2).receivedOnline = 6), 'records[2].receivedOnline')).toEqual({
      vi: 'records[2].receivedOnline: receivedOnline phải bằng mức độ 3 + mức độ 4 (3 + 2 = 5). (giá trị: 6)',
      en: 'records[2].receivedOnline: receivedOnline must equal level 3 + level 4 (3 + 2 = 5). (value: 6)',
    });
    expect(one((d) => (recV2(d, 0).receivedOnline = 11), 'records[0].receivedOnline').vi).toBe(
      'records[0].receivedOnline: Hồ sơ trực tuyến lớn hơn số mới tiếp nhận (10). (giá trị: 11)',
    );
    expect(one((d) => delete recV2(d, 3).receivedOnlineLevel4, 'records[3].receivedOnlineLevel4').en).toContain(
      'receivedOnlineLevel3 is given',
    );
  });

  it('accepts the same month in two fields of one unit: the record key is unit, month and field', () => {
    const d = baseV2();
    expect(d.records[0]?.month).toBe(d.records[1]?.month);
    expect(validateDataset(d).ok).toBe(true);
  });
});

describe('version 1 gains nothing from version 2', () => {
  it.each([
    ['fields', (d: Base) => (d.fields = [{ id: 'a', name: 'A' }]), 'fields'],
    ['a fieldId', (d: Base) => (rec(d, 0).fieldId = 'a'), 'records[0].fieldId'],
    ['an online total', (d: Base) => (rec(d, 0).receivedOnline = 4), 'records[0].receivedOnline'],
  ])('refuses %s as an unknown field', (_name, change, path) => {
    const errors = errorsAfter(change);
    expect(errors.find((e) => e.path === path)?.code, JSON.stringify(errors)).toBe('unknown_field');
  });

  it('still requires the level 3/4 split and the fees', () => {
    const errors = errorsAfter((d) => {
      delete rec(d, 0).feesVnd;
      delete rec(d, 1).receivedOnlineLevel3;
    });
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['records[0].feesVnd', 'missing_field'],
      ['records[1].receivedOnlineLevel3', 'missing_field'],
    ]);
  });
});

describe('version 2: warnings per series', () => {
  it('checks the month chain per unit and field, and names the field', () => {
    const d = baseV2();
    // Land in August carries over 3, what land left pending in July (2 + 1): the chain holds.
    // Civil status has no August record, so there is no chain to check for it.
    const clean = validateDataset(d);
    expect(clean.ok && clean.warnings).toEqual([]);
    const broken = baseV2();
    (broken.records[2] as Record<string, unknown>).carriedOver = 4;
    (broken.records[2] as Record<string, unknown>).resolvedOnTime = 10;
    const result = validateDataset(broken);
    expect(result.ok && result.warnings).toEqual([
      {
        code: 'month_chain',
        path: 'records[2].carriedOver',
        unitId: 'c',
        fieldId: 'dat-dai',
        month: '2025-08',
        left: 4,
        right: 3,
      },
    ]);
    if (!result.ok) return;
    const w = result.warnings[0] as NonNullable<(typeof result.warnings)[0]>;
    expect(describeWarning(w, 'vi', 'Xã Một', 'Đất đai')).toBe(
      'Xã Một, lĩnh vực Đất đai, tháng 8/2025: kỳ trước chuyển sang = 4, nhưng tháng trước còn đang giải quyết = 3.',
    );
    expect(describeWarning(w, 'en', 'Xã Một')).toBe(
      'Xã Một, field dat-dai, Aug 2025: carried over = 4, but pending at the end of the previous month = 3.',
    );
  });

  it('does not chain one field to another in the same unit', () => {
    // Civil status in August carrying over 5 would break land's chain were the fields not apart.
    const d = baseV2() as BaseV2;
    d.records.push({ ...(d.records[1] as object), month: '2025-08', carriedOver: 0 } as never);
    const result = validateDataset(JSON.parse(JSON.stringify(d)));
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('reports a flow identity that fails in one field with the field', () => {
    const d = baseV2();
    (d.records[1] as Record<string, unknown>).resolvedOnTime = 14;
    const result = validateDataset(d);
    expect(result.ok && result.warnings.map((w) => [w.code, w.path, w.fieldId])).toEqual([
      ['flow_identity', 'records[1]', 'ho-tich'],
    ]);
  });
});
