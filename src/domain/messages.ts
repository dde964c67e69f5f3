import { formatCount, formatMonth, type Lang } from './format.ts';
import type { DataError, DataWarning, ErrorCode } from './problems.ts';

type Detail = Record<string, string | number>;
type Template = (e: DataError, d: Detail) => string;

const vi: Record<ErrorCode, Template> = {
  empty_file: () => 'Tệp rỗng: không có nội dung nào để đọc.',
  html_instead_of_json: () => 'Tệp là một trang HTML (thường là trang báo lỗi của máy chủ), không phải dữ liệu JSON.',
  json_syntax: (_e, d) => `Lỗi cú pháp JSON${at(d, 'vi')}.`,
  json_truncated: (_e, d) => `Tệp JSON bị cắt ngang, kết thúc giữa chừng${at(d, 'vi')}.`,
  not_an_object: () => 'Tệp phải là một đối tượng JSON { … }.',
  schema_version: (_e, d) => `Phiên bản định dạng không được hỗ trợ; bản này đọc phiên bản ${d.supported ?? '1, 2'}.`,
  missing_field: () => 'Thiếu trường bắt buộc.',
  unknown_field: (_e, d) =>
    `Trường không có trong định dạng${d.suggestion ? ` (có phải ý là "${d.suggestion}"?)` : ''}.`,
  wrong_type: (_e, d) => `Sai kiểu: cần ${typeName(String(d.expected), 'vi')}.`,
  not_integer: () => 'Phải là số nguyên.',
  negative: () => 'Không được âm.',
  too_large: () => 'Số quá lớn (vượt quá 9.007.199.254.740.991).',
  blank: () => 'Không được để trống.',
  bad_month: () => 'Tháng phải có dạng YYYY-MM và là tháng có thật (ví dụ 2022-04).',
  bad_date: () => 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.',
  bad_level: () => 'Cấp phải là "province", "district" hoặc "commune".',
  fraction_range: () => 'Chỉ tiêu là tỷ lệ từ 0 đến 1 (ví dụ 0.95).',
  too_few_units: () => 'Cần ít nhất một đơn vị.',
  duplicate_unit: (_e, d) => `Mã đơn vị bị trùng (đã có ở ${d.first}).`,
  unknown_parent: () => 'parentId không trỏ tới đơn vị nào trong "units".',
  parent_cycle: (_e, d) => `Quan hệ đơn vị cha tạo thành vòng: ${d.cycle}.`,
  unknown_unit: () => 'unitId không có trong "units".',
  duplicate_record: (_e, d) =>
    d.fieldId === undefined
      ? `Trùng số liệu của cùng đơn vị và tháng (đã có ở ${d.first}).`
      : `Trùng số liệu của cùng đơn vị, tháng và lĩnh vực (đã có ở ${d.first}).`,
  duplicate_field: (_e, d) => `Mã lĩnh vực bị trùng (đã có ở ${d.first}).`,
  unknown_field_id: () => 'fieldId không có trong danh sách lĩnh vực "fields".',
  mixed_fields: (_e, d) =>
    d.firstHasField === 1
      ? `Thiếu fieldId: đơn vị này báo cáo theo lĩnh vực (như ở ${d.first}), nên mọi bản ghi của nó phải có fieldId.`
      : `Đơn vị này không báo cáo theo lĩnh vực (như ở ${d.first}), nên không bản ghi nào của nó được có fieldId.`,
  online_missing: () =>
    'Thiếu số hồ sơ trực tuyến: cần receivedOnline, hoặc cả receivedOnlineLevel3 và receivedOnlineLevel4.',
  online_level_missing: (_e, d) =>
    `Thiếu trường này: đã có ${d.given}, mà mức độ 3 và mức độ 4 phải có cùng nhau (hoặc chỉ ghi receivedOnline).`,
  online_sum_mismatch: (_e, d) =>
    `receivedOnline phải bằng mức độ 3 + mức độ 4 (${formatCount(Number(d.level3), 'vi')} + ${formatCount(Number(d.level4), 'vi')} = ${formatCount(Number(d.level3) + Number(d.level4), 'vi')}).`,
  online_exceeds_received: (_e, d) =>
    d.kind === 'total'
      ? `Hồ sơ trực tuyến lớn hơn số mới tiếp nhận (${formatCount(Number(d.received), 'vi')}).`
      : `Trực tuyến mức độ 3 + mức độ 4 lớn hơn số mới tiếp nhận (${formatCount(Number(d.received), 'vi')}).`,
  part_exceeds_received: (_e, d) => `Lớn hơn số mới tiếp nhận (${formatCount(Number(d.received), 'vi')}).`,
  record_fields_version: () => 'recordFields (bản ghi viết thành hàng) chỉ dùng được với schemaVersion 2.',
  record_fields_list: () =>
    'recordFields phải là danh sách tên các trường của bản ghi, theo thứ tự các giá trị trong mỗi hàng.',
  unknown_record_field: (_e, d) =>
    `Không phải trường của bản ghi${d.suggestion ? ` (có phải ý là "${d.suggestion}"?)` : ''}.`,
  duplicate_record_field: (_e, d) => `Trường bị ghi hai lần (đã có ở ${d.first}).`,
  row_not_list: (_e, d) =>
    `Khi có recordFields, mỗi bản ghi là một danh sách ${d.expected} giá trị theo thứ tự của recordFields.`,
  row_length: (_e, d) => `Hàng có ${d.given} giá trị, trong khi recordFields có ${d.expected} tên trường.`,
  invalid: () => 'Giá trị không hợp lệ.',
};

const en: Record<ErrorCode, Template> = {
  empty_file: () => 'The file is empty.',
  html_instead_of_json: () => 'The file is an HTML page (usually a server error page), not JSON data.',
  json_syntax: (_e, d) => `JSON syntax error${at(d, 'en')}.`,
  json_truncated: (_e, d) => `The JSON file is cut off before its end${at(d, 'en')}.`,
  not_an_object: () => 'The file must be one JSON object { … }.',
  schema_version: (_e, d) => {
    const supported = String(d.supported ?? '1, 2');
    return `Unsupported schema version; this build reads ${supported.includes(',') ? 'versions' : 'version'} ${supported}.`;
  },
  missing_field: () => 'A required field is missing.',
  unknown_field: (_e, d) => `Unknown field${d.suggestion ? ` (did you mean "${d.suggestion}"?)` : ''}.`,
  wrong_type: (_e, d) => `Wrong type: expected ${typeName(String(d.expected), 'en')}.`,
  not_integer: () => 'Must be a whole number.',
  negative: () => 'Must not be negative.',
  too_large: () => 'Number too large (over 9,007,199,254,740,991).',
  blank: () => 'Must not be blank.',
  bad_month: () => 'A month must be YYYY-MM and a real month (e.g. 2022-04).',
  bad_date: () => 'A date must be YYYY-MM-DD and a real date.',
  bad_level: () => 'Level must be "province", "district" or "commune".',
  fraction_range: () => 'A target is a fraction from 0 to 1 (e.g. 0.95).',
  too_few_units: () => 'At least one unit is needed.',
  duplicate_unit: (_e, d) => `Duplicate unit id (first at ${d.first}).`,
  unknown_parent: () => 'parentId names no unit in "units".',
  parent_cycle: (_e, d) => `Parent units form a cycle: ${d.cycle}.`,
  unknown_unit: () => 'unitId is not in "units".',
  duplicate_record: (_e, d) =>
    d.fieldId === undefined
      ? `A second record for the same unit and month (first at ${d.first}).`
      : `A second record for the same unit, month and field (first at ${d.first}).`,
  duplicate_field: (_e, d) => `Duplicate field id (first at ${d.first}).`,
  unknown_field_id: () => 'fieldId is not in the list of fields "fields".',
  mixed_fields: (_e, d) =>
    d.firstHasField === 1
      ? `fieldId missing: this unit reports by field (as at ${d.first}), so every record of it needs a fieldId.`
      : `This unit does not report by field (as at ${d.first}), so none of its records may have a fieldId.`,
  online_missing: () =>
    'Online dossiers missing: give receivedOnline, or both receivedOnlineLevel3 and receivedOnlineLevel4.',
  online_level_missing: (_e, d) =>
    `This field is missing: ${d.given} is given, and levels 3 and 4 go together (or give receivedOnline alone).`,
  online_sum_mismatch: (_e, d) =>
    `receivedOnline must equal level 3 + level 4 (${formatCount(Number(d.level3), 'en')} + ${formatCount(Number(d.level4), 'en')} = ${formatCount(Number(d.level3) + Number(d.level4), 'en')}).`,
  online_exceeds_received: (_e, d) =>
    d.kind === 'total'
      ? `Online dossiers exceed the dossiers received (${formatCount(Number(d.received), 'en')}).`
      : `Online level 3 + level 4 exceed the dossiers received (${formatCount(Number(d.received), 'en')}).`,
  part_exceeds_received: (_e, d) => `Exceeds the dossiers received (${formatCount(Number(d.received), 'en')}).`,
  record_fields_version: () => 'recordFields (records written as rows) can only be used with schemaVersion 2.',
  record_fields_list: () =>
    'recordFields must be a list of record field names, in the order of the values in each row.',
  unknown_record_field: (_e, d) => `Not a record field${d.suggestion ? ` (did you mean "${d.suggestion}"?)` : ''}.`,
  duplicate_record_field: (_e, d) => `This field is named twice (already at ${d.first}).`,
  row_not_list: (_e, d) =>
    `With recordFields, each record is a list of ${d.expected} values, in the order of recordFields.`,
  row_length: (_e, d) => `The row has ${d.given} values, but recordFields names ${d.expected} fields.`,
  invalid: () => 'Invalid value.',
};

function at(d: Detail, lang: Lang): string {
  if (d.line === undefined) return '';
  return lang === 'vi' ? ` ở dòng ${d.line}, cột ${d.column}` : ` at line ${d.line}, column ${d.column}`;
}

const TYPE_NAMES: Record<string, { vi: string; en: string }> = {
  number: { vi: 'một số', en: 'a number' },
  string: { vi: 'một chuỗi chữ', en: 'a string' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'một danh sách [ … ]', en: 'a list [ … ]' },
  object: { vi: 'một đối tượng { … }', en: 'an object { … }' },
};

function typeName(expected: string, lang: Lang): string {
  if (expected.includes('|')) return `${TYPE_NAMES.number?.[lang]} / ${TYPE_NAMES.string?.[lang]}`;
  return TYPE_NAMES[expected]?.[lang] ?? expected;
}

/** The sentence for one error, without its path or value. */
export function errorText(e: DataError, lang: Lang): string {
  return (lang === 'vi' ? vi : en)[e.code](e, e.detail ?? {});
}

/** One line: `records[12].month: A month must be … (value: "2021-13")`. */
export function describeError(e: DataError, lang: Lang): string {
  const where = e.path || (lang === 'vi' ? 'tệp' : 'file');
  const value = e.value !== undefined ? ` (${lang === 'vi' ? 'giá trị' : 'value'}: ${e.value})` : '';
  return `${where}: ${errorText(e, lang)}${value}`;
}

/** The line that closes a capped list: how many errors were not shown. */
export function moreErrors(count: number, lang: Lang): string {
  return lang === 'vi'
    ? `… và ${formatCount(count, 'vi')} lỗi khác.`
    : `… and ${formatCount(count, 'en')} more errors.`;
}

/**
 * Both sides of the failed equation, with the unit's name where known and,
 * for a unit that reports by field, the field (its name where known).
 */
export function describeWarning(w: DataWarning, lang: Lang, unitName = w.unitId, fieldName = w.fieldId): string {
  const field = fieldName === undefined ? '' : lang === 'vi' ? `lĩnh vực ${fieldName}, ` : `field ${fieldName}, `;
  const month = `${field}${formatMonth(w.month, lang)}`;
  const l = formatCount(w.left, lang);
  const r = formatCount(w.right, lang);
  if (w.code === 'flow_identity') {
    return lang === 'vi'
      ? `${unitName}, ${month}: kỳ trước chuyển sang + mới tiếp nhận = ${l}, nhưng đã giải quyết + trả lại + đang giải quyết = ${r}.`
      : `${unitName}, ${month}: carried over + received = ${l}, but resolved + withdrawn + pending = ${r}.`;
  }
  return lang === 'vi'
    ? `${unitName}, ${month}: kỳ trước chuyển sang = ${l}, nhưng tháng trước còn đang giải quyết = ${r}.`
    : `${unitName}, ${month}: carried over = ${l}, but pending at the end of the previous month = ${r}.`;
}
