import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetRecord } from '../domain/schema.ts';
import { App } from './app.tsx';

function rec(unitId: string, month: string, o: Partial<DatasetRecord> = {}): DatasetRecord {
  return {
    unitId,
    month,
    carriedOver: 0,
    received: 100,
    receivedOnlineLevel3: 10,
    receivedOnlineLevel4: 10,
    resolvedEarly: 0,
    resolvedOnTime: 100,
    resolvedLate: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
    feesVnd: 1_000_000,
    ...o,
  };
}

const MONTHS = ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06'];
const dataset = {
  schemaVersion: 1,
  title: 'Huyện Mẫu – kết quả TTHC',
  source: 'Số liệu kiểm thử',
  illustrative: true,
  units: [
    { id: 'd', name: 'Huyện Mẫu', level: 'district' },
    { id: 'a', name: 'Xã An', level: 'commune', parentId: 'd' },
    { id: 'b', name: 'Xã Bình', level: 'commune', parentId: 'd' },
  ],
  records: [
    ...MONTHS.map((m, i) => rec('d', m, { received: 1000 + i, resolvedOnTime: 1000 + i })),
    ...MONTHS.map((m) => rec('a', m)),
    // Xã Bình reports nothing in 2022-04, so a range of that month alone has no commune figures from it.
    ...MONTHS.filter((m) => m !== '2022-04').map((m) => rec('b', m, { resolvedOnTime: 90, resolvedLate: 10 })),
  ],
};

type Responder = () => Promise<Response>;
let responders: Responder[];
let fetchMock: ReturnType<typeof vi.fn>;

function respondWith(...list: Responder[]) {
  responders = list;
}
const ok = (body: unknown) => () =>
  Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
const status = (code: number) => () => Promise.resolve(new Response('<html>error</html>', { status: code }));

beforeEach(() => {
  fetchMock = vi.fn(() => {
    const next = responders.length > 1 ? responders.shift() : responders[0];
    if (!next) throw new Error('no response prepared');
    return next();
  });
  vi.stubGlobal('fetch', fetchMock);
  respondWith(ok(dataset));
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
  document.documentElement.removeAttribute('data-theme');
});

function renderAt(query: string) {
  window.history.replaceState(null, '', `/${query}`);
  const client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
  return render(
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>,
  );
}

async function levelBlock(name: string) {
  return within(await screen.findByRole('region', { name }));
}

describe('the page while loading, loaded, refused, failing', () => {
  it('says it is loading, then shows the dataset with its banner and source', async () => {
    renderAt('');
    expect(screen.getByText('Đang tải dữ liệu…').closest('[role="status"]')).not.toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: dataset.title })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Số liệu minh hoạ');
    expect(screen.getByText('Số liệu kiểm thử')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('data/gia-lam.json', expect.anything());
  });

  it('shows the headline figures of each level for the whole span', async () => {
    renderAt('');
    const district = await levelBlock('Cấp huyện');
    // 1000 + 1001 + … + 1005 received, nothing carried over.
    expect(district.getByRole('group', { name: 'Hồ sơ tiếp nhận và xử lý' })).toHaveTextContent('6.015');
    const communes = await levelBlock('Cấp xã');
    expect(communes.getByRole('group', { name: 'Hồ sơ tiếp nhận và xử lý' })).toHaveTextContent('1.100');
    // On time: 600 of 600 for Xã An and 450 of 500 for Xã Bình: 1050 / 1100 = 95.5 %.
    expect(communes.getByRole('group', { name: 'Giải quyết đúng hạn' })).toHaveTextContent(/95,5\s%/);
  });

  it('refuses an invalid dataset with an alert naming the path, shows no figures, and does not retry', async () => {
    respondWith(ok({ ...dataset, records: [{ ...rec('a', '2022-13') }] }));
    renderAt('?data=broken.json');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('records[0].month');
    expect(alert).toHaveTextContent('broken.json');
    expect(screen.queryByRole('region', { name: 'Cấp xã' })).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('explains a 404, offers a retry, and shows the figures once the retry succeeds', async () => {
    respondWith(status(404), status(404), status(404), ok(dataset));
    renderAt('?data=missing.json');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('lỗi 404');
    // Network failures are retried twice before the page says so.
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await userEvent.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('heading', { level: 1, name: dataset.title })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains a server error and a connection that cannot be made', async () => {
    respondWith(status(500));
    const first = renderAt('?data=x.json');
    expect(await screen.findByRole('alert')).toHaveTextContent('lỗi 500');
    first.unmount();
    respondWith(() => Promise.reject(new TypeError('Failed to fetch')));
    renderAt('?data=y.json&lang=en');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not connect to the data server');
  });

  it('says so when the chosen range has no figures', async () => {
    respondWith(ok({ ...dataset, records: dataset.records.filter((r) => r.month !== '2022-04') }));
    renderAt('?from=2022-04&to=2022-04');
    expect(await screen.findByText(/Không có số liệu nào trong khoảng thời gian đã chọn/)).toBeInTheDocument();
  });
});

describe('choosing what to see, kept in the URL', () => {
  it('reads lang=en and writes numbers the English way', async () => {
    renderAt('?lang=en');
    const district = await levelBlock('District level');
    expect(district.getByRole('group', { name: 'Dossiers handled' })).toHaveTextContent('6,015');
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches language with the toolbar and records it in the URL', async () => {
    renderAt('');
    await levelBlock('Cấp huyện');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('region', { name: 'District level' })).toBeInTheDocument();
    expect(window.location.search).toBe('?lang=en');
  });

  it('notes invalid parameters and still shows the page', async () => {
    renderAt('?from=2022-13&level=town&unit=nobody');
    await levelBlock('Cấp huyện');
    const notes = screen.getAllByText(/tham số trong địa chỉ đã bị bỏ qua/);
    expect(notes.length).toBeGreaterThan(0);
    expect(screen.getByText('from=2022-13')).toBeInTheDocument();
    expect(screen.getByText('level=town')).toBeInTheDocument();
    expect(screen.getByText('unit=nobody')).toBeInTheDocument();
  });

  it('chooses a quarter from the presets, writes it to the URL, and Back restores the whole span', async () => {
    renderAt('');
    const before = (await levelBlock('Cấp huyện')).getByRole('group', { name: 'Hồ sơ tiếp nhận và xử lý' });
    expect(before).toHaveTextContent('6.015');
    await userEvent.selectOptions(screen.getByLabelText('Kỳ báo cáo'), 'Quý 2/2022');
    expect(window.location.search).toBe('?from=2022-04&to=2022-06');
    // 1003 + 1004 + 1005 received in the second quarter.
    const after = (await levelBlock('Cấp huyện')).getByRole('group', { name: 'Hồ sơ tiếp nhận và xử lý' });
    expect(after).toHaveTextContent('3.012');
    expect(screen.getByLabelText('Từ tháng')).toHaveValue('2022-04');
    await act(async () => {
      window.history.back();
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    });
    const restored = (await levelBlock('Cấp huyện')).getByRole('group', { name: 'Hồ sơ tiếp nhận và xử lý' });
    expect(restored).toHaveTextContent('6.015');
  });

  it('chooses any month range and a level', async () => {
    renderAt('');
    await levelBlock('Cấp huyện');
    await userEvent.selectOptions(screen.getByLabelText('Từ tháng'), '2022-02');
    await userEvent.selectOptions(screen.getByLabelText('Đến tháng'), '2022-03');
    expect(window.location.search).toBe('?from=2022-02&to=2022-03');
    await userEvent.click(screen.getByRole('radio', { name: 'Cấp xã' }));
    expect(window.location.search).toBe('?from=2022-02&to=2022-03&level=commune');
    expect(screen.queryByRole('region', { name: 'Cấp huyện' })).not.toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Cấp xã' })).toBeInTheDocument();
  });

  it('drills down to one unit from the ranking table and back', async () => {
    renderAt('');
    await levelBlock('Cấp huyện');
    await userEvent.click(await screen.findByRole('button', { name: 'Xem Xã Bình' }));
    expect(window.location.search).toBe('?unit=b');
    const unit = await levelBlock('Xã Bình');
    expect(unit.getByRole('group', { name: 'Hồ sơ tiếp nhận và xử lý' })).toHaveTextContent('500');
    expect(screen.getByRole('heading', { name: 'Xã Bình: tỷ lệ theo tháng' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Quay lại toàn bộ/ }));
    expect(window.location.search).toBe('');
    expect(await screen.findByRole('region', { name: 'Cấp huyện' })).toBeInTheDocument();
  });

  it('drills down from the unit chooser too', async () => {
    renderAt('');
    await levelBlock('Cấp huyện');
    await userEvent.selectOptions(screen.getByLabelText('Đơn vị'), 'Xã An');
    expect(window.location.search).toBe('?unit=a');
  });

  it('switches to the dark theme and back to the system theme', async () => {
    renderAt('');
    await levelBlock('Cấp huyện');
    await userEvent.selectOptions(screen.getByLabelText('Giao diện'), 'Tối');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    await userEvent.selectOptions(screen.getByLabelText('Giao diện'), 'Theo hệ thống');
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });
});

describe('opening a local file', () => {
  it('loads a chosen file through the same validation, and refuses a broken one', async () => {
    renderAt('');
    await levelBlock('Cấp huyện');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const other = { ...dataset, title: 'Tệp trên máy' };
    await userEvent.upload(input, new File([JSON.stringify(other)], 'may.json', { type: 'application/json' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tệp trên máy' })).toBeInTheDocument();
    expect(screen.getByText('may.json')).toBeInTheDocument();
    await userEvent.upload(input, new File(['{"schemaVersion": 3}'], 'hong.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('hong.json');
    expect(alert).toHaveTextContent('schemaVersion');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('at the scale of a province', () => {
  it('shows the best and weakest units in charts by unit, all on request, and finds a unit by name', async () => {
    const units = [
      { id: 'p', name: 'Tỉnh Mẫu', level: 'province' },
      ...Array.from({ length: 40 }, (_, i) => ({
        id: `c${i}`,
        name: `Xã Số ${String(i).padStart(2, '0')}`,
        level: 'commune',
        parentId: 'p',
      })),
    ];
    const records = units
      .slice(1)
      .map((u, i) => rec(u.id, '2022-01', { resolvedOnTime: 60 + i, resolvedLate: 40 - i }));
    respondWith(ok({ ...dataset, units, records }));
    renderAt('');
    const frame = await screen.findByRole('region', { name: 'Tỷ lệ giải quyết đúng hạn theo đơn vị' });
    expect(within(frame).getByText('Đang hiện 30 / 40 đơn vị: cao nhất và thấp nhất.')).toBeInTheDocument();
    await userEvent.click(within(frame).getByRole('button', { name: 'Hiện tất cả 40 đơn vị' }));
    expect(within(frame).queryByText(/Đang hiện 30/)).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Tìm đơn vị theo tên'), 'Xã Số 07');
    expect(window.location.search).toBe('?unit=c7');
  });
});
