import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TABLE_COLUMNS } from '../domain/table-format.ts';
import { parseDatasetText } from '../domain/validate.ts';
import { ImportPanel } from './import-panel.tsx';

const HEADER = TABLE_COLUMNS.map((c) => c.label.vi).join(';');

function csvFile(name: string, rows: string[]): File {
  return new File([`\ufeff${[HEADER, ...rows].join('\r\n')}\r\n`], name, { type: 'text/csv' });
}

const DISTRICT = 'd;Huyện Thử;huyện;;;T1/2022;5;1.000;10;20;300;600;5;;100;0;27.866;;;';
const COMMUNE = 'c;Xã Một;xã;d;00565;T1/2022;0;250;50;150;60;180;2;;8;0;1.250.000;;;';

// The panel loads the spreadsheet code on first use; loading it here keeps a slow module load on a busy
// machine from counting against the tests' waits for what the panel shows.
beforeAll(async () => {
  await import('../data/spreadsheet.ts');
});

describe('ImportPanel', () => {
  it('shows every error of a CSV file with its row and column, in an alert', async () => {
    const user = userEvent.setup();
    const onView = vi.fn();
    render(<ImportPanel lang="vi" onView={onView} />);
    const bad = csvFile('bao-cao.csv', [DISTRICT, 'c;Xã Một;xã;d;;2/2022;0;12,5;0;0;0;0;0;;0;0;0;;;']);
    await user.upload(screen.getByLabelText('Chọn tệp bảng tính hoặc JSON'), bad);

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

  it('previews a good CSV and hands the dataset JSON to the page', async () => {
    const user = userEvent.setup();
    const onView = vi.fn();
    render(<ImportPanel lang="en" onView={onView} />);
    await user.upload(
      screen.getByLabelText('Choose a spreadsheet or JSON file'),
      csvFile('huyen-thu.csv', [DISTRICT, COMMUNE, DISTRICT.replace('T1/2022', 'T2/2022').replace(';5;', ';100;')]),
    );

    const view = await screen.findByRole('button', { name: 'View in the dashboard' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const figures = Object.fromEntries(
      screen.getAllByRole('term').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(figures).toEqual({
      Units: '2',
      'Records (unit × month)': '3',
      Months: 'Jan 2022 – Feb 2022',
      'Newly received — District level': '2,000',
      'Newly received — Commune level': '250',
    });
    expect(screen.getByRole('button', { name: 'Download as JSON' })).toBeInTheDocument();

    await user.click(view);
    expect(onView).toHaveBeenCalledTimes(1);
    const [text, name] = onView.mock.calls[0] as [string, string];
    expect(name).toBe('huyen-thu.json');
    const parsed = parseDatasetText(text);
    expect(parsed.ok).toBe(true);
    expect(JSON.parse(text)).toMatchObject({
      $schema: './schema.json',
      title: 'huyen-thu',
      units: [
        { id: 'd', name: 'Huyện Thử', level: 'district' },
        { id: 'c', name: 'Xã Một', level: 'commune', parentId: 'd', code: '00565' },
      ],
    });
    expect(JSON.parse(text).records[0]).toMatchObject({ month: '2022-01', received: 1000, feesVnd: 27_866 });
  });

  it('opens a JSON file without the spreadsheet code, and refuses a broken one with its path', async () => {
    const user = userEvent.setup();
    const onView = vi.fn();
    render(<ImportPanel lang="vi" onView={onView} />);
    const input = screen.getByLabelText('Chọn tệp bảng tính hoặc JSON');
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
  });
});
