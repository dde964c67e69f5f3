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

  it('names the versions this build reads', () => {
    const [e] = errorsAfter((d) => (d.schemaVersion = 3 as 1));
    expect(describeError(e as NonNullable<typeof e>, 'en')).toContain('reads version 1');
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
