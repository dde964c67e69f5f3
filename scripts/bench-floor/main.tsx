import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * The floor of the benchmark: the least a page can do to show the same data
 * as a chart with the dashboard's libraries. It fetches the dataset file,
 * trusts it (no validation), adds up the dossiers received per month in one
 * loop and draws one recharts bar chart; all its code loads at once. The
 * bench times its first chart against the dashboard's headline figures and
 * first chart (docs/performance.md).
 */

interface FloorDataset {
  title?: string;
  records: { month: string; received: number }[];
}

interface MonthRow {
  month: string;
  received: number;
}

function receivedByMonth(records: FloorDataset['records']): MonthRow[] {
  const sums = new Map<string, number>();
  for (const r of records) sums.set(r.month, (sums.get(r.month) ?? 0) + r.received);
  return [...sums.keys()].sort().map((month) => ({ month, received: sums.get(month) ?? 0 }));
}

// The same file the dashboard loads by default, unless the bench names another (?data=…, relative to this page).
const address = new URLSearchParams(window.location.search).get('data') ?? '../data/gia-lam.json';

async function fetchDataset(signal: AbortSignal): Promise<FloorDataset> {
  const response = await fetch(address, { signal });
  if (!response.ok) throw new Error(`${address}: HTTP ${response.status}`);
  return (await response.json()) as FloorDataset;
}

function Floor() {
  const { data, error } = useQuery({ queryKey: ['dataset', address], queryFn: ({ signal }) => fetchDataset(signal) });
  const rows = useMemo(() => (data ? receivedByMonth(data.records) : []), [data]);
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p role="status">…</p>;
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', margin: '0 24px' }}>
      <h1 style={{ fontSize: 20 }}>{data.title ?? address}</h1>
      <ResponsiveContainer width="100%" height={400}>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis />
          <Tooltip />
          <Bar dataKey="received" name="Hồ sơ tiếp nhận" fill="#2563eb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <Floor />
    </QueryClientProvider>
  </StrictMode>,
);
