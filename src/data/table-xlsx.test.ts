import { inflateRawSync } from 'node:zlib';
import readExcelFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import type { RawTable } from '../domain/csv.ts';
import { EXCEL_FORMAT, tableToXlsx, XLSX_MEDIA_TYPE } from './table-xlsx.ts';

/** The files inside an .xlsx (a zip archive). */
function unzip(bytes: Uint8Array): Map<string, string> {
  const files = new Map<string, string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + extraLength;
    const data = bytes.subarray(start, start + size);
    files.set(name, new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data));
    at = start + size;
  }
  return files;
}

/** Each cell's number format as Excel will apply it, by cell reference (`B6` → `#,##0`), from the workbook's XML. */
function cellFormats(files: Map<string, string>): Map<string, string> {
  const styles = files.get('xl/styles.xml') ?? '';
  const codes = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const styleFormat = [...xfs.matchAll(/<xf\b([^>]*)>/g)].map((m) => /numFmtId="(\d+)"/.exec(m[1] ?? '')?.[1]);
  const formats = new Map<string, string>();
  for (const m of (files.get('xl/worksheets/sheet1.xml') ?? '').matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)) {
    const id = m[2] === undefined ? undefined : styleFormat[Number(m[2])];
    const code = id === undefined ? undefined : codes.get(id);
    if (code !== undefined) formats.set(m[1] as string, code.replace(/&quot;/g, '"'));
  }
  return formats;
}

const TABLE: RawTable = {
  columns: [
    { key: 'unit', label: 'Đơn vị' },
    { key: 'total', label: 'Hồ sơ tiếp nhận' },
    { key: 'onTimeRate', label: 'Tỷ lệ đúng hạn', format: 'percent' },
    { key: 'feesVnd', label: 'Phí, lệ phí', format: 'vnd' },
  ],
  rows: [
    { unit: 'Xã Ninh Hiệp', total: 27_866, onTimeRate: 0.986, feesVnd: 545_180_000 },
    { unit: 'Xã Đông Dư', total: 0, onTimeRate: null, feesVnd: null },
  ],
};

describe('a table as .xlsx', () => {
  it('reads back: title, period and filters, note, header, and numbers as numbers', async () => {
    const blob = await tableToXlsx(TABLE, {
      title: 'Huyện Gia Lâm – kết quả giải quyết thủ tục hành chính',
      period: 'Tháng 1/2021 – Tháng 4/2022',
      filters: ['Cấp xã'],
      note: 'Số liệu minh hoạ, không phải số liệu chính thức.',
    });
    expect(blob.type).toBe(XLSX_MEDIA_TYPE);
    const [sheet] = await readExcelFile(await blob.arrayBuffer());
    expect(sheet?.sheet).toBe('Số liệu');
    const rows = sheet?.data ?? [];
    expect(rows.map((r) => r[0])).toEqual([
      'Huyện Gia Lâm – kết quả giải quyết thủ tục hành chính',
      'Tháng 1/2021 – Tháng 4/2022 · Cấp xã',
      'Số liệu minh hoạ, không phải số liệu chính thức.',
      null,
      'Đơn vị',
      'Xã Ninh Hiệp',
      'Xã Đông Dư',
    ]);
    expect(rows[4]).toEqual(['Đơn vị', 'Hồ sơ tiếp nhận', 'Tỷ lệ đúng hạn', 'Phí, lệ phí']);
    expect(rows[5]).toEqual(['Xã Ninh Hiệp', 27_866, 0.986, 545_180_000]);
    // A rate that does not exist and fees not reported stay empty, never 0.
    expect(rows[6]).toEqual(['Xã Đông Dư', 0, null, null]);
  });

  it('gives each number its format: counts with thousands separators, rates as percentages, money in đồng', async () => {
    const blob = await tableToXlsx(TABLE, { title: 'T', period: 'P' });
    const formats = cellFormats(unzip(new Uint8Array(await blob.arrayBuffer())));
    // Without a note: title on row 1, period on 2, a blank row 3, the header on 4, figures from 5.
    expect(Object.fromEntries([...formats].filter(([ref]) => /^[B-D]5$/.test(ref)))).toEqual({
      B5: '#,##0',
      C5: '0.0%',
      D5: '#,##0 "₫"',
    });
    expect(formats.get('B6')).toBe(EXCEL_FORMAT.count);
    expect(formats.has('A5')).toBe(false);
  });

  it('keeps the title rows and the header in view when scrolling', async () => {
    const blob = await tableToXlsx(TABLE, { title: 'T', period: 'P', note: 'N' });
    const sheet = unzip(new Uint8Array(await blob.arrayBuffer())).get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toContain('ySplit="5"');
  });
});
