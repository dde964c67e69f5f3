import { formatCount, formatPercent, type Lang } from '../domain/format.ts';
import { describeError, moreErrors } from '../domain/messages.ts';
import type { DataError } from '../domain/problems.ts';
import './page.css';

const TEXT = {
  vi: {
    loading: 'Đang tải dữ liệu…',
    downloaded: (mb: string, pct: string | null) => `Đang tải dữ liệu: ${mb} MB${pct ? ` (${pct})` : ''}…`,
    validating: 'Đang kiểm tra dữ liệu…',
    refused: (name: string) =>
      `Không dùng được tệp dữ liệu "${name}": tệp có lỗi nên không có số liệu nào được hiển thị từ tệp này.`,
    count: (n: string) => `${n} lỗi:`,
    retry: 'Thử lại',
    network: {
      http404: 'Máy chủ không có tệp dữ liệu ở địa chỉ này (lỗi 404).',
      http: (s: number) => `Máy chủ trả về lỗi ${s} khi tải tệp dữ liệu.`,
      timeout: 'Máy chủ không trả lời đủ dữ liệu sau 30 giây nên đã dừng chờ.',
      network: 'Không kết nối được tới máy chủ dữ liệu (mất mạng hoặc máy chủ không chạy).',
      cut: 'Kết nối bị ngắt giữa chừng khi đang tải tệp dữ liệu.',
    },
    address: 'Địa chỉ',
  },
  en: {
    loading: 'Loading the data…',
    downloaded: (mb: string, pct: string | null) => `Loading the data: ${mb} MB${pct ? ` (${pct})` : ''}…`,
    validating: 'Checking the data…',
    refused: (name: string) =>
      `The data file "${name}" cannot be used: it has errors, so no figures from it are shown.`,
    count: (n: string) => `${n} error(s):`,
    retry: 'Try again',
    network: {
      http404: 'The server has no data file at this address (error 404).',
      http: (s: number) => `The server answered with error ${s} when loading the data file.`,
      timeout: 'The server did not send the whole file within 30 seconds, so loading stopped.',
      network: 'Could not connect to the data server (no network, or the server is not running).',
      cut: 'The connection broke off while the data file was loading.',
    },
    address: 'Address',
  },
};

export type LoadingProgress =
  | { stage: 'download'; received: number; total: number | null }
  | { stage: 'validate' }
  | null;

export function LoadingState({ lang, progress = null }: { lang: Lang; progress?: LoadingProgress }) {
  const t = TEXT[lang];
  let text = t.loading;
  if (progress?.stage === 'validate') text = t.validating;
  else if (progress?.stage === 'download') {
    const mb = (progress.received / 1_000_000).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      maximumFractionDigits: 1,
    });
    text = t.downloaded(mb, progress.total ? formatPercent(progress.received / progress.total, lang, 0) : null);
  }
  return (
    <div className="load-state" role="status" aria-live="polite">
      <span className="load-state__spinner" aria-hidden="true" />
      {text}
      {progress?.stage === 'download' && progress.total ? (
        <progress className="load-state__bar" max={progress.total} value={progress.received} aria-hidden="true" />
      ) : null}
    </div>
  );
}

export function RefusedAlert({
  lang,
  name,
  errors,
  errorCount,
}: {
  lang: Lang;
  name: string;
  errors: readonly DataError[];
  errorCount: number;
}) {
  const t = TEXT[lang];
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{t.refused(name)}</p>
      <p>{t.count(formatCount(errorCount, lang))}</p>
      <ul className="alert__list">
        {errors.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for the life of the alert
          <li key={i}>
            <code>{describeError(e, lang)}</code>
          </li>
        ))}
      </ul>
      {errorCount > errors.length && <p>{moreErrors(errorCount - errors.length, lang)}</p>}
    </div>
  );
}

export type NetworkProblem = { kind: 'http' | 'timeout' | 'network' | 'cut'; status?: number | undefined };

export function networkMessage(problem: NetworkProblem, lang: Lang): string {
  const n = TEXT[lang].network;
  if (problem.kind === 'http') return problem.status === 404 ? n.http404 : n.http(problem.status ?? 0);
  return n[problem.kind];
}

export function NetworkAlert({
  lang,
  problem,
  address,
  onRetry,
  retrying,
}: {
  lang: Lang;
  problem: NetworkProblem;
  address: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  const t = TEXT[lang];
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{networkMessage(problem, lang)}</p>
      <p>
        {t.address}: <code>{address}</code>
      </p>
      <button type="button" onClick={onRetry} disabled={retrying}>
        {t.retry}
      </button>
    </div>
  );
}
