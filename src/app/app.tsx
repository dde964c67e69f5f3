import { useQuery } from '@tanstack/react-query';
import { datasetQueryOptions } from '../data/dataset-query.ts';

export function App() {
  const query = useQuery(datasetQueryOptions(null));
  if (query.isPending) return <p role="status">Đang tải dữ liệu…</p>;
  if (query.isError) return <p role="alert">Không tải được dữ liệu.</p>;
  return (
    <main>
      <h1>{query.data.dataset.title}</h1>
    </main>
  );
}
