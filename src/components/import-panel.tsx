import { type DragEvent, useId, useRef, useState } from 'react';
import { formatCount, formatPercent, formatRange, type Lang } from '../domain/format.ts';
import { LEVEL_LABEL } from '../domain/labels.ts';
import { describeError, describeWarning, moreErrors } from '../domain/messages.ts';
import { describeSheetError, describeSheetNote, describeSheetWarning } from '../domain/spreadsheet/messages.ts';
import { type ImportOutcome, type ImportPreview, importPreview } from '../domain/spreadsheet/preview.ts';
import { parseDatasetText } from '../domain/validate.ts';
import './import-panel.css';

const TEXT = {
  vi: {
    heading: 'Nhập số liệu từ bảng tính',
    intro:
      'Chọn hoặc thả vào đây các báo cáo tháng xuất từ hệ thống một cửa (.xlsx), bảng số liệu theo mẫu (.xlsx, .csv) hoặc một tệp JSON. Có thể chọn nhiều tệp cùng lúc: nhiều đơn vị, nhiều tháng. Tệp chỉ được đọc trên máy này, không gửi đi đâu.',
    choose: 'Chọn các tệp báo cáo, bảng tính hoặc JSON',
    drop: 'Thả tệp vào đây',
    template: 'Tải mẫu bảng tính',
    files: (n: number) => `${formatCount(n, 'vi')} tệp`,
    reading: (name: string) => `Đang đọc ${name}…`,
    refused: (name: string, n: string) => `Không nhập được ${name}: ${n} lỗi. Sửa trong bảng tính rồi chọn lại tệp.`,
    jsonAlone: 'Tệp JSON là một bộ dữ liệu hoàn chỉnh: hãy mở riêng, không chọn cùng bảng tính.',
    read: (name: string) => `Đã đọc ${name}`,
    units: 'Đơn vị',
    months: 'Các tháng',
    monthCount: (n: string) => `${n} tháng`,
    fields: 'Lĩnh vực',
    noFields: 'không chia theo lĩnh vực',
    records: 'Số bản ghi',
    totals: 'Tổng số trong các tháng đã đọc',
    level: 'Cấp',
    received: 'Mới tiếp nhận',
    online: 'Trực tuyến',
    resolved: 'Đã giải quyết',
    onTime: 'Tỷ lệ đúng hạn',
    more: (n: string) => `và ${n} đơn vị khác`,
    warnings: (n: string) => `${n} cảnh báo: số liệu vẫn dùng được, nhưng nên kiểm tra lại`,
    notes: 'Lưu ý',
    view: 'Xem trên bảng số liệu',
    download: 'Tải tệp JSON',
    failed: (why: string) => `Không đọc được tệp: ${why}`,
    templateFailed: (why: string) => `Không tạo được tệp mẫu: ${why}`,
  },
  en: {
    heading: 'Import figures from a spreadsheet',
    intro:
      'Choose or drop here the monthly reports exported by the one-stop system (.xlsx), tables in the template (.xlsx, .csv) or one JSON file. Several files can be chosen at once: several units, several months. The files are read on this computer only and sent nowhere.',
    choose: 'Choose report, spreadsheet or JSON files',
    drop: 'Drop the files here',
    template: 'Download the template',
    files: (n: number) => `${formatCount(n, 'en')} files`,
    reading: (name: string) => `Reading ${name}…`,
    refused: (name: string, n: string) =>
      `${name} cannot be imported: ${n} error(s). Correct the spreadsheet and choose the file again.`,
    jsonAlone: 'A JSON file is a whole dataset: open it on its own, not together with spreadsheets.',
    read: (name: string) => `Read ${name}`,
    units: 'Units',
    months: 'Months',
    monthCount: (n: string) => `${n} month(s)`,
    fields: 'Fields',
    noFields: 'not split by field',
    records: 'Records',
    totals: 'Totals of the months read',
    level: 'Level',
    received: 'Newly received',
    online: 'Online',
    resolved: 'Resolved',
    onTime: 'On-time rate',
    more: (n: string) => `and ${n} more`,
    warnings: (n: string) => `${n} warning(s): the figures can be used but are worth checking`,
    notes: 'Notes',
    view: 'View in the dashboard',
    download: 'Download as JSON',
    failed: (why: string) => `The file could not be read: ${why}`,
    templateFailed: (why: string) => `The template could not be made: ${why}`,
  },
};

const ACCEPT = [
  '.xlsx',
  '.csv',
  '.json',
  'application/json',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

const TEMPLATE_NAME = 'mau-so-lieu-tthc.xlsx';

/** Reading spreadsheets and making the template: handed in by the page (src/data does the work, in a worker). */
export interface SpreadsheetAccess {
  /** Reads the files (reports of units and months, the project's table) into one dataset. */
  read: (files: readonly File[]) => Promise<ImportOutcome>;
  /** The blank template as an .xlsx file. */
  template: () => Promise<Blob>;
}

export interface ImportPanelProps {
  lang: Lang;
  /** Show the dataset on the page: its JSON text (validated) and a file name ending in .json. */
  onView: (text: string, name: string) => void;
  spreadsheets: SpreadsheetAccess;
}

/** Messages are kept as functions of the language, so switching language re-words them. */
type Lines = (lang: Lang) => string[];
type Label = (lang: Lang) => string;

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; label: Label }
  | { kind: 'refused'; label: Label; count: number; lines: Lines; notes: Lines }
  | { kind: 'failed'; message: Label }
  | {
      kind: 'ready';
      label: Label;
      jsonName: string;
      text: string;
      preview: ImportPreview;
      warnings: Lines;
      warningCount: number;
      notes: Lines;
    };

function jsonNameOf(files: readonly File[]): string {
  if (files.length !== 1) return 'so-lieu-tthc.json';
  const base = (files[0]?.name ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'so-lieu';
  return `${base}.json`;
}

function labelOf(files: readonly File[]): Label {
  const only = files.length === 1 ? files[0]?.name : undefined;
  return (lang) => only ?? TEXT[lang].files(files.length);
}

function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const none: Lines = () => [];

async function readJson(file: File): Promise<State> {
  const text = await file.text();
  const result = parseDatasetText(text);
  const label: Label = () => file.name;
  if (!result.ok) {
    const { errors, errorCount } = result;
    return {
      kind: 'refused',
      label,
      count: errorCount,
      lines: (lang) => [
        ...errors.map((e) => describeError(e, lang)),
        ...(errorCount > errors.length ? [moreErrors(errorCount - errors.length, lang)] : []),
      ],
      notes: none,
    };
  }
  const names = new Map(result.dataset.units.map((u) => [u.id, u.name]));
  const fieldNames = new Map((result.dataset.fields ?? []).map((f) => [f.id, f.name]));
  const warnings = result.warnings;
  return {
    kind: 'ready',
    label,
    jsonName: file.name,
    text,
    preview: importPreview(result.dataset),
    warnings: (lang) =>
      warnings.map(
        (w) =>
          `${w.path}: ${describeWarning(w, lang, names.get(w.unitId), w.fieldId === undefined ? undefined : fieldNames.get(w.fieldId))}`,
      ),
    warningCount: warnings.length,
    notes: none,
  };
}

function fromOutcome(outcome: ImportOutcome, files: readonly File[]): State {
  const label = labelOf(files);
  const notes: Lines = (lang) => outcome.notes.map((n) => describeSheetNote(n, lang));
  if (!outcome.ok) {
    const { errors, errorCount } = outcome;
    return {
      kind: 'refused',
      label,
      count: errorCount,
      lines: (lang) => [
        ...errors.map((e) => describeSheetError(e, lang)),
        ...(errorCount > errors.length ? [moreErrors(errorCount - errors.length, lang)] : []),
      ],
      notes,
    };
  }
  const { warnings, warningCount } = outcome;
  return {
    kind: 'ready',
    label,
    jsonName: jsonNameOf(files),
    text: outcome.text,
    preview: outcome.preview,
    warnings: (lang) => [
      ...warnings.map((w) => describeSheetWarning(w, lang)),
      ...(warningCount > warnings.length ? [moreErrors(warningCount - warnings.length, lang)] : []),
    ],
    warningCount,
    notes,
  };
}

function why(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Import spreadsheets (or a JSON file) in the browser: the official monthly
 * reports of several units and months at once, or the project's table. The
 * errors are placed by file, sheet, row and column; or a preview of what was
 * read, then view it on the page or download it as a dataset file. Nothing
 * leaves the browser.
 */
export function ImportPanel({ lang, onView, spreadsheets }: ImportPanelProps) {
  const t = TEXT[lang];
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const latest = useRef(0);

  const open = (files: readonly File[]) => {
    if (files.length === 0) return;
    const ticket = ++latest.current;
    const label = labelOf(files);
    setState({ kind: 'reading', label });
    const json = files.filter((f) => /\.json$/i.test(f.name));
    let read: Promise<State>;
    if (json.length > 0 && files.length > 1) {
      read = Promise.resolve({ kind: 'failed', message: (l: Lang) => TEXT[l].jsonAlone });
    } else if (json[0]) read = readJson(json[0]);
    else read = spreadsheets.read(files).then((outcome) => fromOutcome(outcome, files));
    read
      .catch((e: unknown): State => ({ kind: 'failed', message: (l) => TEXT[l].failed(why(e)) }))
      .then((next) => {
        if (ticket === latest.current) setState(next);
      });
  };

  const onDrop = (e: DragEvent<HTMLFieldSetElement>) => {
    e.preventDefault();
    // The page opens JSON files dropped anywhere; this drop is the panel's.
    e.stopPropagation();
    setDragging(false);
    open(Array.from(e.dataTransfer.files));
  };

  const downloadTemplate = async () => {
    setTemplateError(null);
    try {
      download(TEMPLATE_NAME, await spreadsheets.template());
    } catch (e) {
      setTemplateError(TEXT[lang].templateFailed(why(e)));
    }
  };

  return (
    <section className="import-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="import-panel__title">
        {t.heading}
      </h2>
      <p className="import-panel__intro">{t.intro}</p>
      <fieldset
        className={`import-panel__drop${dragging ? ' import-panel__drop--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <legend className="sr-only">{t.drop}</legend>
        <label htmlFor={`${id}-file`} className="import-panel__label">
          {t.choose}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(e) => {
            open(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
        <span className="import-panel__hint" aria-hidden="true">
          {t.drop}
        </span>
      </fieldset>
      <p className="import-panel__actions">
        <button type="button" onClick={() => void downloadTemplate()}>
          {t.template}
        </button>
      </p>
      {templateError && <p role="alert">{templateError}</p>}

      <div role="status" className="import-panel__status">
        {state.kind === 'reading' ? t.reading(state.label(lang)) : ''}
      </div>

      {state.kind === 'failed' && (
        <div role="alert" className="import-panel__errors">
          <p>{state.message(lang)}</p>
        </div>
      )}

      {state.kind === 'refused' && (
        <div role="alert" className="import-panel__errors">
          <p className="import-panel__errors-title">{t.refused(state.label(lang), formatCount(state.count, lang))}</p>
          <ul>
            {state.lines(lang).map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole, never reordered.
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {state.kind === 'refused' && <NoteList title={t.notes} lines={state.notes(lang)} />}

      {state.kind === 'ready' && <ReadyView state={state} lang={lang} onView={onView} />}
    </section>
  );
}

function NoteList({ title, lines }: { title: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="import-panel__notes">
      <p>{title}</p>
      <ul>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole, never reordered.
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function ReadyView({
  state,
  lang,
  onView,
}: {
  state: Extract<State, { kind: 'ready' }>;
  lang: Lang;
  onView: ImportPanelProps['onView'];
}) {
  const t = TEXT[lang];
  const p = state.preview;
  const warnings = state.warnings(lang);
  const unitNames = p.units
    .map((u) => {
      const names = u.names.join(', ');
      const more = u.count > u.names.length ? ` ${t.more(formatCount(u.count - u.names.length, lang))}` : '';
      return `${LEVEL_LABEL[u.level][lang]} (${formatCount(u.count, lang)}): ${names}${more}`;
    })
    .join('; ');
  return (
    <div className="import-panel__preview">
      <h3>{t.read(state.label(lang))}</h3>
      <p className="import-panel__dataset-title">{p.title}</p>
      <dl className="import-panel__figures">
        <div>
          <dt>{t.units}</dt>
          <dd>{formatCount(p.unitCount, lang)}</dd>
          <dd className="import-panel__detail">{unitNames}</dd>
        </div>
        <div>
          <dt>{t.months}</dt>
          <dd>{p.months ? formatRange(p.months, lang) : '—'}</dd>
          {p.months && <dd className="import-panel__detail">{t.monthCount(formatCount(p.months.count, lang))}</dd>}
        </div>
        <div>
          <dt>{t.fields}</dt>
          <dd>{p.fields.length > 0 ? formatCount(p.fields.length, lang) : '—'}</dd>
          <dd className="import-panel__detail">{p.fields.length > 0 ? p.fields.join(', ') : t.noFields}</dd>
        </div>
        <div>
          <dt>{t.records}</dt>
          <dd>{formatCount(p.recordCount, lang)}</dd>
        </div>
      </dl>
      {p.totals.length > 0 && (
        <table className="import-panel__totals">
          <caption>{t.totals}</caption>
          <thead>
            <tr>
              <th scope="col">{t.level}</th>
              <th scope="col">{t.received}</th>
              <th scope="col">{t.online}</th>
              <th scope="col">{t.resolved}</th>
              <th scope="col">{t.onTime}</th>
            </tr>
          </thead>
          <tbody>
            {p.totals.map((row) => (
              <tr key={row.level}>
                <th scope="row">{LEVEL_LABEL[row.level][lang]}</th>
                <td>{formatCount(row.received, lang)}</td>
                <td>{formatCount(row.receivedOnline, lang)}</td>
                <td>{formatCount(row.resolved, lang)}</td>
                <td>{formatPercent(row.onTimeRate, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {warnings.length > 0 && (
        <details className="import-panel__warnings">
          <summary>{t.warnings(formatCount(state.warningCount, lang))}</summary>
          <ul>
            {warnings.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole, never reordered.
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      <NoteList title={t.notes} lines={state.notes(lang)} />
      <p className="import-panel__actions">
        <button type="button" className="import-panel__primary" onClick={() => onView(state.text, state.jsonName)}>
          {t.view}
        </button>
        <button
          type="button"
          onClick={() => download(state.jsonName, new Blob([state.text], { type: 'application/json' }))}
        >
          {t.download}
        </button>
      </p>
    </div>
  );
}
