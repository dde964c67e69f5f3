import type { Lang } from '../format.ts';

/**
 * Where something is, as staff see it in Excel: the file, the sheet, the row
 * number and the column header. One name, `SheetColumn`, for a column of a
 * sheet (its header as shown and its position), distinct from the columns
 * the page displays (chart-specs' `TableColumn`, csv.ts' `RawTable`).
 */

export interface SheetColumn {
  /** The header as Excel shows it, on one line; for a report, the group is added where the header alone is ambiguous. */
  header: string;
  /** 0-based position, for ordering. */
  index: number;
}

export interface Place {
  /** The file's name; absent only where one file is read and it needs no naming. */
  file?: string;
  /** Absent for a CSV file, which has no sheets. */
  sheet?: string;
  /** 1-based, as Excel numbers rows. */
  row?: number;
  column?: string;
  /** 0-based column position, for ordering. */
  columnIndex?: number;
}

export function columnPlace(base: Place, row: number, column: SheetColumn | undefined): Place {
  return {
    ...base,
    row,
    ...(column ? { column: column.header, columnIndex: column.index } : {}),
  };
}

/**
 * `Tệp bao-cao.xlsx, sheet Tháng 11, dòng 15, cột Trực tuyến`; without a file,
 * `Sheet Số liệu, dòng 14, cột Đúng hạn`.
 */
export function formatPlace(place: Place, lang: Lang): string {
  const vi = lang === 'vi';
  const parts: string[] = [];
  if (place.file !== undefined) parts.push(`${vi ? 'Tệp' : 'File'} ${place.file}`);
  if (place.sheet !== undefined) parts.push(`${parts.length > 0 ? 'sheet' : 'Sheet'} ${place.sheet}`);
  if (place.row !== undefined) parts.push(`${vi ? 'dòng' : 'row'} ${place.row}`);
  if (place.column !== undefined) parts.push(`${vi ? 'cột' : 'column'} ${place.column}`);
  return parts.join(', ');
}

/** Another place seen from `here`: only what differs (`dòng 12`, or `Tệp a.xlsx, sheet T4, dòng 12`). */
export function formatOtherPlace(other: Place, here: Place | null, lang: Lang): string {
  const sameSheet = here !== null && here.file === other.file && here.sheet === other.sheet;
  if (sameSheet && other.row !== undefined) return lang === 'vi' ? `dòng ${other.row}` : `row ${other.row}`;
  return formatPlace({ file: other.file, sheet: other.sheet, row: other.row }, lang);
}

/** Sheets in the order they were read, to sort what is found in that order. */
export class SheetOrder {
  private readonly order = new Map<string, number>();
  private key(file: string | undefined, sheet: string | undefined): string {
    return `${file ?? ''}\u0000${sheet ?? ''}`;
  }
  add(file: string | undefined, sheet?: string): void {
    const fileKey = this.key(file, undefined);
    if (!this.order.has(fileKey)) this.order.set(fileKey, this.order.size);
    const k = this.key(file, sheet);
    if (!this.order.has(k)) this.order.set(k, this.order.size);
  }
  rank(place: Place | null): [number, number, number] {
    if (!place) return [-1, 0, 0];
    const s = this.order.get(this.key(place.file, place.sheet)) ?? this.order.size;
    return [s, place.row ?? 0, place.columnIndex ?? -1];
  }
  sort<T extends { place: Place | null }>(items: readonly T[]): T[] {
    return items
      .map((item, i) => ({ item, i, key: this.rank(item.place) }))
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.i - b.i)
      .map((x) => x.item);
  }
}
