import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dongDuForm, ninhHiepForms } from '../../tests/support/report-fixtures.ts';
import { formCells, type ReportForm } from '../../tests/support/report-forms.ts';
import { convertWorkbooks } from '../domain/spreadsheet/convert.ts';
import { parseCsv, rowsToCsv } from '../domain/spreadsheet/csv-text.ts';
import { importOutcome } from '../domain/spreadsheet/preview.ts';
import { TEMPLATE_COLUMNS } from '../domain/spreadsheet/template-columns.ts';
import { parseDatasetText } from '../domain/validate.ts';
import { ImportPanel, type SpreadsheetAccess } from './import-panel.tsx';

/**
 * The page hands the panel its reader (src/data, in a worker). Here the reader is the same conversion run
 * on this thread over CSV files, which need no spreadsheet library: what the panel shows is what it was given.
 */
function csvAccess(): SpreadsheetAccess & { read: ReturnType<typeof vi.fn>; template: ReturnType<typeof vi.fn> } {
  return {
    read: vi.fn(async (files: readonly File[]) => {
      const books = await Promise.all(
        files.map(async (f) => ({
          fileName: f.name,
          kind: 'csv' as const,
          sheets: [{ name: f.name, rows: parseCsv(await f.text()) }],
        })),
      );
      return importOutcome(convertWorkbooks(books));
    }),
    template: vi.fn(async () => new Blob(['x'])),
  };
}

const HEADER = TEMPLATE_COLUMNS.map((c) => c.label.vi).join(';');

function csvFile(name: string, rows: string[]): File {
  return new File([`\ufeff${[HEADER, ...rows].join('\r\n')}\r\n`], name, { type: 'text/csv' });
}

/** A report form saved as CSV (merged cells empty after their first), as a system's "export to CSV" gives it. */
function reportCsv(name: string, form: ReportForm): File {
  const rows = formCells(form).map((r) =>
    r.map((c) => (c === null || c === undefined ? null : (c as string | number))),
  );
  return new File([rowsToCsv(rows)], name, { type: 'text/csv' });
}

// unit; name; level; parent; code; month; field id; field; carried; received; online; level 3; level 4; early…
const DISTRICT = 'd;Huyện Thử;huyện;;;T1/2022;;;5;1.000;;10;20;300;600;5;;100;0;27.866;;;';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ImportPanel', () => {
  it('shows every error of a CSV file with its file, row and column, in an alert', async () => {
    const user = userEvent.setup();
    const onView = vi.fn();
    render(<ImportPanel lang="vi" onView={onView} spreadsheets={csvAccess()} />);
    const bad = csvFile('bao-cao.csv', [DISTRICT, 'c;Xã Một;xã;d;;2/2022;;;0;12,5;;0;0;0;0;0;;0;0;0;;;']);
    await user.upload(screen.getByLabelText('Chọn các tệp báo cáo, bảng tính hoặc JSON'), bad);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không nhập được bao-cao.csv: 1 lỗi.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(["Tệp bao-cao.csv, dòng 3, cột Mới tiếp nhận: phải là số nguyên không âm, đang là '12,5'"]);
    expect(screen.queryByRole('button', { name: 'Xem trên bảng số liệu' })).not.toBeInTheDocument();
    expect(onView).not.toHaveBeenCalled();
  });

  it('reads several monthly reports chosen at once, previews units, months, fields and totals, and hands the JSON on', async () => {
    const user = userEvent.setup();
    const onView = vi.fn();
    const access = csvAccess();
    render(<ImportPanel lang="en" onView={onView} spreadsheets={access} />);
    const [april, may] = ninhHiepForms() as [ReportForm, ReportForm];
    await user.upload(screen.getByLabelText('Choose report, spreadsheet or JSON files'), [
      reportCsv('ninh-hiep-t4.csv', april),
      reportCsv('ninh-hiep-t5.csv', may),
      reportCsv('dong-du-t4.csv', dongDuForm(4)),
    ]);

    const view = await screen.findByRole('button', { name: 'View in the dashboard' });
    expect(access.read).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Read 3 files' })).toBeInTheDocument();
    const figures = Object.fromEntries(
      screen
        .getAllByRole('term')
        .map((dt) => [
          dt.textContent,
          [...(dt.parentElement?.querySelectorAll('dd') ?? [])].map((dd) => dd.textContent),
        ]),
    );
    expect(figures).toEqual({
      Units: ['2', 'Commune level (2): Xã Ninh Hiệp, Xã Đông Dư'],
      Months: ['Apr 2022 – May 2022', '2 month(s)'],
      Fields: ['3', 'Hộ tịch, Chứng thực, Đất đai'],
      Records: ['6'],
    });
    // Communes, April and May: received 1500 + 1000 + 1550 + 900 (Ninh Hiệp) + 120 + 30 (Đông Dư, April);
    // online 1200 + 10 + 1300 + 20 + 80 + 3; resolved 1480 + 1000 + 1553 + 900 + 116 + 25; of them early or
    // on time 1480 + 1000 + 1550 + 900 + 115 + 20 = 5065 of 5074, 99.82 %.
    const table = screen.getByRole('table', { name: 'Totals of the months read' });
    expect(
      within(table)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['5,100', '2,613', '5,074', '99.8%']);

    await user.click(view);
    expect(onView).toHaveBeenCalledTimes(1);
    const [text, name] = onView.mock.calls[0] as [string, string];
    expect(name).toBe('so-lieu-tthc.json');
    const parsed = parseDatasetText(text);
    expect(parsed.ok && parsed.dataset.units.map((u) => u.id)).toEqual(['xa-ninh-hiep', 'xa-dong-du']);
  });

  it('takes files dropped on it, several at once', async () => {
    const access = csvAccess();
    render(<ImportPanel lang="vi" onView={vi.fn()} spreadsheets={access} />);
    const [april] = ninhHiepForms() as [ReportForm];
    const files = [reportCsv('a.csv', april), reportCsv('b.csv', dongDuForm(4))];
    const zone = screen.getByRole('group', { name: 'Thả tệp vào đây' });
    fireEvent.drop(zone, { dataTransfer: { files, types: ['Files'] } });
    expect(await screen.findByRole('heading', { level: 3, name: 'Đã đọc 2 tệp' })).toBeInTheDocument();
    expect(access.read.mock.calls[0]?.[0]).toEqual(files);
  });

  it('opens a JSON file without the spreadsheet reader, refuses a broken one with its path, and never mixes the two', async () => {
    const user = userEvent.setup();
    const onView = vi.fn();
    const access = csvAccess();
    render(<ImportPanel lang="vi" onView={onView} spreadsheets={access} />);
    const input = screen.getByLabelText('Chọn các tệp báo cáo, bảng tính hoặc JSON');
    await user.upload(input, new File(['{"schemaVersion": 1, "title": "X", "units": []}'], 'x.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('units: Cần ít nhất một đơn vị.');
    expect(alert).toHaveTextContent('records: Thiếu trường bắt buộc.');

    const good = JSON.stringify({
      schemaVersion: 1,
      title: 'Y',
      units: [{ id: 'd', name: 'D', level: 'district' }],
      records: [],
    });
    await user.upload(input, new File([good], 'y.json'));
    await user.click(await screen.findByRole('button', { name: 'Xem trên bảng số liệu' }));
    expect(onView).toHaveBeenCalledWith(good, 'y.json');

    await user.upload(input, [new File([good], 'y.json'), csvFile('a.csv', [DISTRICT])]);
    expect(await screen.findByRole('alert')).toHaveTextContent('Tệp JSON là một bộ dữ liệu hoàn chỉnh');
    expect(access.read).not.toHaveBeenCalled();
  });

  it('says so when the reader fails, and downloads the template it is handed', async () => {
    const user = userEvent.setup();
    const access = csvAccess();
    access.read.mockRejectedValueOnce(new Error('the spreadsheet worker failed'));
    const createObjectURL = vi.fn(() => 'blob:mau');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<ImportPanel lang="en" onView={vi.fn()} spreadsheets={access} />);
    await user.upload(screen.getByLabelText('Choose report, spreadsheet or JSON files'), csvFile('a.csv', [DISTRICT]));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file could not be read: the spreadsheet worker failed',
    );

    await user.click(screen.getByRole('button', { name: 'Download the template' }));
    expect(access.template).toHaveBeenCalledTimes(1);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('mau-so-lieu-tthc.xlsx');
  });
});
