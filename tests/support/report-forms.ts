/**
 * Official monthly reports of results (the form of reports-today.md), built
 * for tests in the layouts two one-stop systems export. Figures are given per
 * field; each layout writes them in its own columns, wording and order. The
 * cells come with their merges, so the same report can be written as .xlsx
 * (tests/support/report-xlsx.ts) or read directly as the cells a spreadsheet
 * library gives (a merged cell's text in its first cell, the rest empty).
 */

export interface FieldFigures {
  field: string;
  carried: number;
  online: number;
  direct: number;
  early: number;
  onTime: number;
  late: number;
  withdrawn: number;
  within: number;
  overdue: number;
}

export type FormCell =
  | string
  | number
  | Date
  | null
  | { value: string | number; columnSpan?: number; rowSpan?: number };

export interface ReportForm {
  sheet: string;
  rows: FormCell[][];
}

export interface ReportSpec {
  sheet: string;
  /** The authority line at the top left, e.g. "UBND XÃ NINH HIỆP". */
  authority?: string;
  /** "Đơn vị báo cáo: …" (system A) or the name beside "Đơn vị:" (system B). */
  unitLine?: string;
  /** System A: "Tháng 4 năm 2022"; system B: "04/2022". */
  month?: string;
  /** "15/03/2022" … "14/04/2022"; absent: no date range. */
  from?: string;
  to?: string;
  fields: FieldFigures[];
  /** Change one cell of the figures after they are laid out: [field row index, column letter, value]. */
  edit?: [number, string, string | number | null][];
  /** Leave the total row out. */
  noTotal?: boolean;
  /** Counts written as text with thousands dots. */
  textNumbers?: boolean;
}

const span = (value: string, columnSpan?: number, rowSpan?: number): FormCell => ({
  value,
  ...(columnSpan ? { columnSpan } : {}),
  ...(rowSpan ? { rowSpan } : {}),
});

function vi(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function columnIndex(letter: string): number {
  return letter.charCodeAt(0) - 65;
}

const FIGURE_KEYS = [
  'carried',
  'online',
  'direct',
  'early',
  'onTime',
  'late',
  'withdrawn',
  'within',
  'overdue',
] as const;

/** The figures of the total row: each column's sum over the fields. */
function totalsOf(list: readonly FieldFigures[]): Omit<FieldFigures, 'field'> {
  const totals = Object.fromEntries(FIGURE_KEYS.map((k) => [k, list.reduce((s, f) => s + f[k], 0)]));
  return totals as Omit<FieldFigures, 'field'>;
}

/**
 * System A (Biểu II.06a as a provincial system exports it): authority lines,
 * "Kỳ báo cáo: Tháng 4 năm 2022 (từ ngày … đến ngày …)", "Đơn vị báo cáo: …";
 * a three-row header (received group; "Kết quả giải quyết" above the resolved
 * and pending groups); the numbers row (1)…(13); a group row "I"; field rows;
 * "Tổng cộng"; the signature block.
 */
export function systemA(spec: ReportSpec): ReportForm {
  const head: FormCell[][] = [
    [spec.authority ?? null, null, null, null, null, null, null, null, null, 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    [null, null, null, null, null, null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [],
    [span('BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', 13)],
    [
      span(
        [
          spec.month ? `Kỳ báo cáo: ${spec.month}` : 'Kỳ báo cáo:',
          spec.from ? `(từ ngày ${spec.from} đến ngày ${spec.to})` : '',
        ]
          .join(' ')
          .trim(),
        13,
      ),
    ],
    [
      spec.unitLine ? `Đơn vị báo cáo: ${spec.unitLine}` : null,
      null,
      null,
      null,
      null,
      null,
      null,
      'Đơn vị nhận báo cáo: UBND tỉnh',
    ],
    [null, null, null, null, null, null, null, null, null, null, 'Đơn vị tính: hồ sơ'],
  ];
  const header: FormCell[][] = [
    [
      span('STT', undefined, 3),
      span('Lĩnh vực, công việc giải quyết theo cấp', undefined, 3),
      span('Số hồ sơ nhận giải quyết', 4),
      null,
      null,
      null,
      span('Kết quả giải quyết', 7),
    ],
    [
      null,
      null,
      span('Tổng số', undefined, 2),
      span('Trong đó', 3),
      null,
      null,
      span('Số hồ sơ đã giải quyết', 4),
      null,
      null,
      null,
      span('Số hồ sơ đang giải quyết', 3),
    ],
    [
      null,
      null,
      null,
      'Số mới tiếp nhận trực tuyến',
      'Số mới tiếp nhận trực tiếp, dịch vụ bưu chính công ích',
      'Số kỳ trước chuyển qua',
      'Tổng số',
      'Trả trước hạn',
      'Trả đúng thời hạn',
      'Trả quá hạn',
      'Tổng số',
      'Chưa đến hạn',
      'Quá hạn',
    ],
    Array.from({ length: 13 }, (_, i) => `(${i + 1})`),
  ];
  const n = (x: number): string | number => (spec.textNumbers ? vi(x) : x);
  const line = (label: string, stt: string | number | null, f: Omit<FieldFigures, 'field'>): FormCell[] => {
    const received = f.online + f.direct + f.carried;
    const resolved = f.early + f.onTime + f.late;
    return [
      stt,
      label,
      n(received),
      n(f.online),
      n(f.direct),
      n(f.carried),
      n(resolved),
      n(f.early),
      n(f.onTime),
      n(f.late),
      n(f.within + f.overdue),
      n(f.within),
      n(f.overdue),
    ];
  };
  const body = spec.fields.map((f, i) => line(f.field, i + 1, f));
  for (const [row, letter, value] of spec.edit ?? []) {
    const cells = body[row];
    if (cells) cells[columnIndex(letter)] = value;
  }
  const totals = totalsOf(spec.fields);
  const rows: FormCell[][] = [
    ...head,
    ...header,
    ['I', 'TTHC thuộc thẩm quyền giải quyết của đơn vị'],
    ...body,
    ...(spec.noTotal ? [] : [line('Tổng cộng', null, totals)]),
    [],
    [null, null, null, null, null, null, null, null, null, 'Ngày 15 tháng 4 năm 2022'],
    [null, 'NGƯỜI LẬP BIỂU', null, null, null, null, null, null, null, 'CHỦ TỊCH'],
    [null, '(Ký, ghi rõ họ tên)'],
  ];
  return { sheet: spec.sheet, rows };
}

/**
 * System B (another system's export): the unit in the cell beside "Đơn vị:",
 * the month in the title and the dates on the next line; a two-row header
 * "TT", "Lĩnh vực", "Tiếp nhận", "Số lượng hồ sơ đã giải quyết" (no "Trước
 * hạn", early dossiers are in "Đúng hạn"; "Trả lại/Rút" inside the group),
 * "Số lượng hồ sơ đang giải quyết", "Ghi chú"; plain column numbers; the total
 * row first; field names led by "Lĩnh vực"; a note below.
 */
export function systemB(spec: ReportSpec): ReportForm {
  const head: FormCell[][] = [
    [spec.authority ?? null],
    [],
    [span(`BÁO CÁO KẾT QUẢ GIẢI QUYẾT TTHC${spec.month ? ` THÁNG ${spec.month}` : ''}`, 14)],
    [spec.from ? span(`Từ ngày ${spec.from} đến ngày ${spec.to}`, 14) : null],
    spec.unitLine ? ['Đơn vị:', spec.unitLine] : [],
  ];
  const header: FormCell[][] = [
    [
      span('TT', undefined, 2),
      span('Lĩnh vực', undefined, 2),
      span('Tiếp nhận', 4),
      null,
      null,
      null,
      span('Số lượng hồ sơ đã giải quyết', 4),
      null,
      null,
      null,
      span('Số lượng hồ sơ đang giải quyết', 3),
      null,
      null,
      span('Ghi chú', undefined, 2),
    ],
    [
      null,
      null,
      'Tổng số',
      'Kỳ trước chuyển sang',
      'Trực tuyến',
      'Trực tiếp/BCCI',
      'Tổng số',
      'Đúng hạn\n(Bao gồm cả hồ sơ chờ bổ sung và trả lại/xin rút)',
      'Quá hạn',
      'Trả lại/Rút',
      'Tổng số',
      'Trong hạn',
      'Quá hạn',
    ],
    Array.from({ length: 14 }, (_, i) => i + 1),
  ];
  const n = (x: number): string | number => (spec.textNumbers ? vi(x) : x);
  const line = (label: string, stt: string | number | null, f: Omit<FieldFigures, 'field'>): FormCell[] => [
    stt,
    label,
    n(f.carried + f.online + f.direct),
    n(f.carried),
    n(f.online),
    n(f.direct),
    n(f.early + f.onTime + f.late + f.withdrawn),
    n(f.early + f.onTime),
    n(f.late),
    n(f.withdrawn),
    n(f.within + f.overdue),
    n(f.within),
    n(f.overdue),
    null,
  ];
  const body = spec.fields.map((f, i) => line(`Lĩnh vực ${f.field}`, i + 1, f));
  for (const [row, letter, value] of spec.edit ?? []) {
    const cells = body[row];
    if (cells) cells[columnIndex(letter)] = value;
  }
  const totals = totalsOf(spec.fields);
  const rows: FormCell[][] = [
    ...head,
    ...header,
    ...(spec.noTotal ? [] : [line('Tổng số', null, totals)]),
    ...body,
    ['Ghi chú: số liệu trích xuất từ hệ thống một cửa điện tử.'],
    [null, 'Người lập biểu'],
  ];
  return { sheet: spec.sheet, rows };
}

/** The cells a spreadsheet library gives for a form: a merged cell's value in its first cell only. */
export function formCells(form: ReportForm): unknown[][] {
  return form.rows.map((row) =>
    row.map((cell) => (cell !== null && typeof cell === 'object' && !(cell instanceof Date) ? cell.value : cell)),
  );
}
