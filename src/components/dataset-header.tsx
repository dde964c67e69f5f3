import { formatCount, formatDate, formatRange, type Lang } from '../domain/format.ts';
import type { MonthRange } from '../domain/months.ts';
import './page.css';

const TEXT = {
  vi: {
    period: 'Kỳ số liệu',
    source: 'Nguồn',
    updated: 'Cập nhật',
    from: 'Dữ liệu lấy từ',
    illustrative:
      'Số liệu minh hoạ: một phần các con số trong bộ dữ liệu này được dựng để trình bày, không phải số liệu thống kê chính thức.',
    warnings: (n: string) => `${n} cảnh báo chất lượng dữ liệu`,
  },
  en: {
    period: 'Period',
    source: 'Source',
    updated: 'Updated',
    from: 'Data loaded from',
    illustrative:
      'Illustrative data: some of the figures in this dataset were made up for demonstration and are not official statistics.',
    warnings: (n: string) => `${n} data-quality warning(s)`,
  },
};

export interface DatasetHeaderProps {
  lang: Lang;
  title: string;
  range: MonthRange;
  source?: string | undefined;
  updatedAt?: string | undefined;
  illustrative: boolean;
  /** Where the data came from when it is not the bundled sample. */
  origin: string | null;
  warningCount: number;
  /** The id of the data-quality panel, for the link from the count. */
  qualityAnchor: string;
}

export function DatasetHeader(props: DatasetHeaderProps) {
  const t = TEXT[props.lang];
  return (
    <header className="dataset-header">
      <h1>{props.title}</h1>
      <dl className="dataset-header__meta">
        <div>
          <dt>{t.period}</dt>
          <dd>{formatRange(props.range, props.lang)}</dd>
        </div>
        {props.source && (
          <div>
            <dt>{t.source}</dt>
            <dd>{props.source}</dd>
          </div>
        )}
        {props.updatedAt && (
          <div>
            <dt>{t.updated}</dt>
            <dd>{formatDate(props.updatedAt, props.lang)}</dd>
          </div>
        )}
        {props.origin && (
          <div>
            <dt>{t.from}</dt>
            <dd className="dataset-header__origin">{props.origin}</dd>
          </div>
        )}
      </dl>
      {props.illustrative && (
        <p className="banner banner--illustrative" role="note">
          <span aria-hidden="true">⚠ </span>
          {t.illustrative}
        </p>
      )}
      {props.warningCount > 0 && (
        <p className="dataset-header__warnings">
          <a href={`#${props.qualityAnchor}`}>{t.warnings(formatCount(props.warningCount, props.lang))}</a>
        </p>
      )}
    </header>
  );
}
