import type { Lang } from '../format.ts';
import { FIGURE_LABEL } from '../labels.ts';
import { COUNT_FIELDS_V2, type CountFieldV2, recordSchemaV2 } from '../schema.ts';
import { normalizeLabel, withoutTrailingNote } from './text.ts';

/**
 * The columns of the project's own table (the template): one row per unit,
 * month and, optionally, procedure field; the unit's columns, the month, the
 * field, then one column per count of the data contract (version 2).
 */

export type UnitColumnKey = 'unitId' | 'unitName' | 'level' | 'parentId' | 'code';
export type FieldColumnKey = 'fieldId' | 'fieldName';
export type ColumnKey = UnitColumnKey | 'month' | FieldColumnKey | CountFieldV2;
export type ColumnKind = 'text' | 'level' | 'month' | 'count';

/** A column of the template: what it holds and the headers it is known by. */
export interface TemplateColumn {
  key: ColumnKey;
  kind: ColumnKind;
  required: boolean;
  /** The template's header (vi) and the English name; both are recognised when reading. */
  label: Record<Lang, string>;
  /** Meaning and rule, the template's second header row. Starts with "Bắt buộc"/"Không bắt buộc". */
  rule: Record<Lang, string>;
  /** Other headers staff use for the same column. */
  aliases: readonly string[];
}

export const TABLE_SHEET = 'Số liệu';
export const INFO_SHEET = 'Thông tin';
/** The id of the unit on the template's example row; a row with it gets a note. */
export const EXAMPLE_UNIT_ID = 'huyen-mau';

const OPTIONAL_RECORD_FIELDS = new Set(
  Object.entries(recordSchemaV2.entries)
    .filter(([, schema]) => schema.type === 'optional')
    .map(([key]) => key),
);

const COUNT_MEANING: Record<CountFieldV2, Record<Lang, string>> = {
  carriedOver: {
    vi: 'hồ sơ kỳ trước chuyển sang (còn đang giải quyết cuối tháng trước)',
    en: 'dossiers carried over (still in progress at the end of the previous month)',
  },
  received: { vi: 'hồ sơ mới tiếp nhận trong tháng', en: 'dossiers newly received during the month' },
  receivedOnline: {
    vi: 'trong số mới tiếp nhận: mọi hồ sơ nộp trực tuyến; ghi số này, hoặc cả mức độ 3 và mức độ 4, hoặc cả ba',
    en: 'of those received: all dossiers submitted online; give this, or both level 3 and level 4, or all three',
  },
  receivedOnlineLevel3: {
    vi: 'trong số mới tiếp nhận: trực tuyến mức độ 3 (một phần); ghi cùng mức độ 4',
    en: 'of those received: online at level 3 (partial); given together with level 4',
  },
  receivedOnlineLevel4: {
    vi: 'trong số mới tiếp nhận: trực tuyến mức độ 4 (toàn trình); mức 3 + mức 4 không quá số mới tiếp nhận',
    en: 'of those received: online at level 4 (end to end); level 3 + level 4 at most the number received',
  },
  resolvedEarly: { vi: 'hồ sơ giải quyết trước hạn trong tháng', en: 'dossiers resolved before the deadline' },
  resolvedOnTime: { vi: 'hồ sơ giải quyết đúng hạn trong tháng', en: 'dossiers resolved on the deadline' },
  resolvedLate: { vi: 'hồ sơ giải quyết quá hạn trong tháng', en: 'dossiers resolved after the deadline' },
  withdrawn: {
    vi: 'hồ sơ trả lại hoặc công dân rút; để trống nghĩa là không có',
    en: 'dossiers returned or withdrawn; empty means none',
  },
  pendingWithinDeadline: {
    vi: 'hồ sơ còn đang giải quyết cuối tháng, còn trong hạn',
    en: 'dossiers in progress at the end of the month, within the deadline',
  },
  pendingOverdue: {
    vi: 'hồ sơ còn đang giải quyết cuối tháng, đã quá hạn',
    en: 'dossiers in progress at the end of the month, overdue',
  },
  feesVnd: {
    vi: 'phí, lệ phí thu trong tháng, tính bằng đồng; để trống nếu không báo cáo (không ghi 0)',
    en: 'fees and charges collected, in đồng; leave empty when not reported (not 0)',
  },
  interlinked: {
    vi: 'hồ sơ liên thông; để trống nếu không báo cáo (không ghi 0)',
    en: 'interlinked dossiers; leave empty when not reported (not 0)',
  },
  saturdayReceived: {
    vi: 'hồ sơ tiếp nhận sáng thứ 7; để trống nếu không báo cáo',
    en: 'dossiers received on Saturday mornings; leave empty when not reported',
  },
  apologyLetters: {
    vi: 'thư xin lỗi đã gửi; để trống nếu không báo cáo',
    en: 'apology letters sent; leave empty when not reported',
  },
};

const COUNT_ALIASES: Partial<Record<CountFieldV2, readonly string[]>> = {
  receivedOnline: ['Trực tuyến', 'Tiếp nhận trực tuyến', 'Số hồ sơ trực tuyến', 'Hồ sơ nộp trực tuyến'],
  resolvedEarly: ['Trước hạn'],
  resolvedOnTime: ['Đúng hạn'],
  withdrawn: ['Trả lại', 'Rút hồ sơ'],
  feesVnd: ['Phí, lệ phí (đồng)', 'Phí và lệ phí'],
  interlinked: ['Liên thông'],
};

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function rule(required: boolean, vi: string, en: string): Record<Lang, string> {
  return {
    vi: `${required ? 'Bắt buộc' : 'Không bắt buộc'}. ${vi}`,
    en: `${required ? 'Required' : 'Optional'}. ${en}`,
  };
}

export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  {
    key: 'unitId',
    kind: 'text',
    required: true,
    label: { vi: 'Mã đơn vị', en: 'Unit id' },
    rule: rule(
      true,
      'Mã đơn vị, không trùng giữa các đơn vị, giống nhau trên mọi dòng của một đơn vị (ví dụ xa-ninh-hiep).',
      'Unit id, unique per unit, the same on every row of the unit (e.g. xa-ninh-hiep).',
    ),
    aliases: ['id'],
  },
  {
    key: 'unitName',
    kind: 'text',
    required: true,
    label: { vi: 'Tên đơn vị', en: 'Unit name' },
    rule: rule(true, 'Tên đơn vị, giống nhau trên mọi dòng của đơn vị.', 'Unit name, the same on every row.'),
    aliases: ['name', 'Đơn vị'],
  },
  {
    key: 'level',
    kind: 'level',
    required: true,
    label: { vi: 'Cấp', en: 'Level' },
    rule: rule(true, 'Tỉnh, huyện hoặc xã (phường, thị trấn, đặc khu là cấp xã).', 'Province, district or commune.'),
    aliases: ['Cấp hành chính'],
  },
  {
    key: 'parentId',
    kind: 'text',
    required: false,
    label: { vi: 'Mã đơn vị cấp trên', en: 'Parent unit id' },
    rule: rule(
      false,
      'Mã của đơn vị cấp trên, phải có dòng trong bảng; để trống với đơn vị cao nhất.',
      'Id of the unit above, which must have rows in the table; empty for the top unit.',
    ),
    aliases: ['Đơn vị cấp trên', 'Mã cấp trên', 'parent'],
  },
  {
    key: 'code',
    kind: 'text',
    required: false,
    label: { vi: 'Mã số thống kê', en: 'Statistics code' },
    rule: rule(
      false,
      'Mã đơn vị hành chính của cơ quan thống kê, giữ số 0 ở đầu (ví dụ 00565).',
      'The statistics office code of the unit, leading zeros kept (e.g. 00565).',
    ),
    aliases: ['Mã thống kê', 'Mã ĐVHC', 'Mã đơn vị hành chính'],
  },
  {
    key: 'month',
    kind: 'month',
    required: true,
    label: { vi: 'Tháng', en: 'Month' },
    rule: rule(
      true,
      'Tháng báo cáo: 2022-04, 4/2022 hoặc T4/2022.',
      'Month of the figures: 2022-04, 4/2022 or T4/2022.',
    ),
    aliases: ['Tháng báo cáo', 'Kỳ báo cáo'],
  },
  {
    key: 'fieldId',
    kind: 'text',
    required: false,
    label: { vi: 'Mã lĩnh vực', en: 'Field id' },
    rule: rule(
      false,
      'Mã lĩnh vực (ví dụ dat-dai); để trống thì mã lấy theo tên lĩnh vực.',
      'Field id (e.g. dat-dai); when empty, the id is made from the field name.',
    ),
    aliases: ['fieldId'],
  },
  {
    key: 'fieldName',
    kind: 'text',
    required: false,
    label: { vi: 'Lĩnh vực', en: 'Field' },
    rule: rule(
      false,
      'Lĩnh vực thủ tục (ví dụ Đất đai). Khi ghi, mỗi dòng là số liệu của một đơn vị, một tháng, một lĩnh vực, và mọi dòng của đơn vị đó đều ghi lĩnh vực.',
      'Procedure field (e.g. Đất đai). When given, a row is one unit, month and field, and every row of that unit gives its field.',
    ),
    aliases: ['Tên lĩnh vực', 'fieldName', 'field'],
  },
  ...COUNT_FIELDS_V2.map((field): TemplateColumn => {
    const required = !OPTIONAL_RECORD_FIELDS.has(field);
    const meaning = COUNT_MEANING[field];
    return {
      key: field,
      kind: 'count',
      required,
      label: { vi: FIGURE_LABEL[field].vi, en: FIGURE_LABEL[field].en },
      rule: rule(
        required,
        `${upperFirst(meaning.vi)}. Số nguyên không âm.`,
        `${upperFirst(meaning.en)}. A whole number.`,
      ),
      aliases: COUNT_ALIASES[field] ?? [],
    };
  }),
];

export const COLUMN_BY_KEY = new Map(TEMPLATE_COLUMNS.map((c) => [c.key, c]));

const HEADER_INDEX: Map<string, ColumnKey> = (() => {
  const exact = new Map<string, ColumnKey>();
  const loose = new Map<string, ColumnKey | null>();
  for (const c of TEMPLATE_COLUMNS) {
    for (const text of [c.key, c.label.vi, c.label.en, ...c.aliases]) {
      const n = normalizeLabel(text);
      exact.set(n, c.key);
      const stripped = withoutTrailingNote(n);
      if (stripped && stripped !== n) loose.set(stripped, loose.has(stripped) ? null : c.key);
    }
  }
  for (const [text, key] of loose) if (key && !exact.has(text)) exact.set(text, key);
  return exact;
})();

/** Which template column a header names: a template label, an English name, a contract key or an alias. */
export function recogniseHeader(header: unknown): ColumnKey | undefined {
  if (typeof header !== 'string' && typeof header !== 'number') return undefined;
  const n = normalizeLabel(String(header));
  if (!n) return undefined;
  return HEADER_INDEX.get(n) ?? HEADER_INDEX.get(withoutTrailingNote(n));
}

const RULE_ROW_START = ['bắt buộc', 'không bắt buộc', 'tuỳ chọn', 'required', 'optional'].map(normalizeLabel);

/** A cell of the template's second header row, which explains its column. */
export function isRuleText(cell: unknown): boolean {
  if (typeof cell !== 'string') return false;
  const n = normalizeLabel(cell);
  return RULE_ROW_START.some((start) => n.startsWith(start));
}

/** The header row of the table, in the template's words (or English). */
export function templateHeaderRow(lang: Lang = 'vi'): string[] {
  return TEMPLATE_COLUMNS.map((c) => c.label[lang]);
}

/** The template's second header row: each column's meaning and rule. */
export function templateRuleRow(lang: Lang = 'vi'): string[] {
  return TEMPLATE_COLUMNS.map((c) => c.rule[lang]);
}
