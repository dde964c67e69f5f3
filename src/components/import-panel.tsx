import { type DragEvent, useId, useRef, useState } from 'react';
import { formatCount, formatRange, type Lang } from '../domain/format.ts';
import { LEVEL_LABEL } from '../domain/labels.ts';
import { describeError, describeWarning, moreErrors } from '../domain/messages.ts';
import { type Dataset, LEVELS, type Level } from '../domain/schema.ts';
import { parseDatasetText } from '../domain/validate.ts';
import './import-panel.css';

const TEXT = {
  vi: {
    heading: 'Nhập số liệu từ bảng tính',
    intro:
      'Chọn hoặc thả vào đây một tệp Excel (.xlsx), CSV hoặc JSON. Tệp chỉ được đọc trên máy này, không gửi đi đâu.',
    choose: 'Chọn tệp bảng tính hoặc JSON',
    drop: 'Thả tệp vào đây',
    template: 'Tải mẫu bảng tính',
    reading: (name: string) => `Đang đọc ${name}…`,
    refused: (name: string, n: string) => `Không nhập được ${name}: ${n} lỗi. Sửa trong bảng tính rồi chọn lại tệp.`,
    read: (name: string) => `Đã đọc ${name}`,
    units: 'Số đơn vị',
    records: 'Số bản ghi (đơn vị × tháng)',
    months: 'Các tháng',
    received: (level: string) => `Mới tiếp nhận — ${level}`,
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
      'Choose or drop here an Excel (.xlsx), CSV or JSON file. The file is read on this computer only and sent nowhere.',
    choose: 'Choose a spreadsheet or JSON file',
    drop: 'Drop the file here',
    template: 'Download the template',
    reading: (name: string) => `Reading ${name}…`,
    refused: (name: string, n: string) =>
      `${name} cannot be imported: ${n} error(s). Correct the spreadsheet and choose the file again.`,
    read: (name: string) => `Read ${name}`,
    units: 'Units',
    records: 'Records (unit × month)',
    months: 'Months',
    received: (level: string) => `Newly received — ${level}`,
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
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Messages are kept as functions of the language, so switching language re-words them. */
type Lines = (lang: Lang) => string[];

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'refused'; name: string; count: number; lines: Lines; notes: Lines }
  | { kind: 'failed'; message: (lang: Lang) => string }
  | { kind: 'ready'; name: string; jsonName: string; text: string; dataset: Dataset; warnings: Lines; notes: Lines };

export interface ImportPanelProps {
  lang: Lang;
  /** Show the dataset on the page: its JSON text (validated) and a file name ending in .json. */
  onView: (text: string, name: string) => void;
}

function jsonNameOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'so-lieu';
  return `${base}.json`;
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
  if (!result.ok) {
    const { errors, errorCount } = result;
    return {
      kind: 'refused',
      name: file.name,
      count: errorCount,
      lines: (lang) => [
        ...errors.map((e) => describeError(e, lang)),
        ...(errorCount > errors.length ? [moreErrors(errorCount - errors.length, lang)] : []),
      ],
      notes: none,
    };
  }
  const names = new Map(result.dataset.units.map((u) => [u.id, u.name]));
  const warnings = result.warnings;
  return {
    kind: 'ready',
    name: file.name,
    jsonName: file.name,
    text,
    dataset: result.dataset,
    warnings: (lang) => warnings.map((w) => `${w.path}: ${describeWarning(w, lang, names.get(w.unitId))}`),
    notes: none,
  };
}

async function readTable(file: File): Promise<State> {
  // Loaded only now: the spreadsheet libraries never weigh on the first view of the page.
  const sheet = await import('../data/spreadsheet.ts');
  const result = await sheet.readSpreadsheet(await file.arrayBuffer(), file.name);
  const notes: Lines = (lang) => result.notes.map((n) => sheet.describeTableNote(n, lang));
  if (!result.ok) {
    const { errors, errorCount } = result;
    return {
      kind: 'refused',
      name: file.name,
      count: errorCount,
      lines: (lang) => [
        ...errors.map((e) => sheet.describeTableError(e, lang)),
        ...(errorCount > errors.length ? [moreErrors(errorCount - errors.length, lang)] : []),
      ],
      notes,
    };
  }
  const { dataset, warnings } = result;
  return {
    kind: 'ready',
    name: file.name,
    jsonName: jsonNameOf(file.name),
    text: sheet.datasetJsonText(dataset),
    dataset,
    warnings: (lang) => warnings.map((w) => sheet.describeTableWarning(w, lang)),
    notes,
  };
}

function why(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface Preview {
  units: number;
  records: number;
  range: { from: string; to: string } | null;
  received: [Level, number][];
}

function previewOf(dataset: Dataset): Preview {
  const levels = new Map(dataset.units.map((u) => [u.id, u.level]));
  const received = new Map<Level, number>();
  let from: string | null = null;
  let to: string | null = null;
  for (const r of dataset.records) {
    const level = levels.get(r.unitId);
    if (level) received.set(level, (received.get(level) ?? 0) + r.received);
    if (from === null || r.month < from) from = r.month;
    if (to === null || r.month > to) to = r.month;
  }
  return {
    units: dataset.units.length,
    records: dataset.records.length,
    range: from && to ? { from, to } : null,
    received: LEVELS.flatMap((l): [Level, number][] => (received.has(l) ? [[l, received.get(l) ?? 0]] : [])),
  };
}

/**
 * Import a spreadsheet (or a JSON file) in the browser: errors placed by
 * sheet, row and column, or a preview of what was read, then view it on the
 * page or download it as a dataset file. Nothing leaves the browser.
 */
export function ImportPanel({ lang, onView }: ImportPanelProps) {
  const t = TEXT[lang];
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const latest = useRef(0);

  const open = (file: File) => {
    const ticket = ++latest.current;
    setState({ kind: 'reading', name: file.name });
    const read = /\.json$/i.test(file.name) ? readJson(file) : readTable(file);
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
    const file = e.dataTransfer.files[0];
    if (file) open(file);
  };

  const downloadTemplate = async () => {
    setTemplateError(null);
    try {
      const sheet = await import('../data/spreadsheet.ts');
      const bytes = await sheet.writeTemplate('xlsx');
      download(TEMPLATE_NAME, new Blob([bytes.slice().buffer as ArrayBuffer], { type: XLSX_TYPE }));
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
          accept={ACCEPT}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) open(file);
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
        {state.kind === 'reading' ? t.reading(state.name) : ''}
      </div>

      {state.kind === 'failed' && (
        <div role="alert" className="import-panel__errors">
          <p>{state.message(lang)}</p>
        </div>
      )}

      {state.kind === 'refused' && (
        <div role="alert" className="import-panel__errors">
          <p className="import-panel__errors-title">{t.refused(state.name, formatCount(state.count, lang))}</p>
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
  const p = previewOf(state.dataset);
  const warnings = state.warnings(lang);
  return (
    <div className="import-panel__preview">
      <h3>{t.read(state.name)}</h3>
      <p className="import-panel__dataset-title">{state.dataset.title}</p>
      <dl className="import-panel__figures">
        <div>
          <dt>{t.units}</dt>
          <dd>{formatCount(p.units, lang)}</dd>
        </div>
        <div>
          <dt>{t.records}</dt>
          <dd>{formatCount(p.records, lang)}</dd>
        </div>
        <div>
          <dt>{t.months}</dt>
          <dd>{p.range ? formatRange(p.range, lang) : '—'}</dd>
        </div>
        {p.received.map(([level, n]) => (
          <div key={level}>
            <dt>{t.received(LEVEL_LABEL[level][lang])}</dt>
            <dd>{formatCount(n, lang)}</dd>
          </div>
        ))}
      </dl>
      {warnings.length > 0 && (
        <details className="import-panel__warnings">
          <summary>{t.warnings(formatCount(warnings.length, lang))}</summary>
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
