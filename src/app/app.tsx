import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { AppToolbar } from '../components/app-toolbar.tsx';
import { FileOpener } from '../components/file-opener.tsx';
import { LoadingState, NetworkAlert, RefusedAlert } from '../components/load-states.tsx';
import { ParamNotes } from '../components/param-notes.tsx';
import type { LoadedDataset } from '../data/dataset-engine.ts';
import { datasetQueryOptions } from '../data/dataset-query.ts';
import { loadFile, loadText, SAMPLE_DATASET_URL } from '../data/fetch-dataset.ts';
import { DatasetRefused, NetworkFailure } from '../data/load-errors.ts';
import { spreadsheetAccess } from '../data/spreadsheet-import.ts';
import type { DataError } from '../domain/problems.ts';
import { DashboardPage } from './dashboard-page.tsx';
import { resolveView } from './url-state.ts';
import { useLoadProgress } from './use-load-progress.ts';
import { useTheme } from './use-theme.ts';
import { useUrlState } from './use-url-state.ts';

// Below the first screen or on demand: their code loads after the headline figures.
const ImportPanel = lazy(() => import('../components/import-panel.tsx').then((m) => ({ default: m.ImportPanel })));
// Presentation code loads on first use, so the first view stays within its budget.
const Presentation = lazy(() => import('./presentation.tsx').then((m) => ({ default: m.Presentation })));

import './theme.css';
import './layout.css';
import './print.css';

const TEXT = {
  vi: {
    skip: 'Bỏ qua, tới nội dung chính',
    reload: 'Tải lại dữ liệu',
    staleNote: 'Không tải lại được dữ liệu; các số liệu dưới đây là của lần tải thành công trước.',
    docTitle: 'Kết quả giải quyết thủ tục hành chính',
  },
  en: {
    skip: 'Skip to the main content',
    reload: 'Reload the data',
    staleNote: 'The data could not be reloaded; the figures below are from the last successful load.',
    docTitle: 'Administrative procedure results',
  },
};

interface LocalRefusal {
  name: string;
  errors: DataError[];
  errorCount: number;
}

export function App() {
  const { state, notes, navigate } = useUrlState();
  const lang = state.lang;
  const t = TEXT[lang];
  const [theme, chooseTheme] = useTheme();
  const [local, setLocal] = useState<LoadedDataset | null>(null);
  const [localRefusal, setLocalRefusal] = useState<LocalRefusal | null>(null);
  const query = useQuery({ ...datasetQueryOptions(state.data), enabled: local === null });

  const loaded = local ?? query.data ?? null;

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = loaded ? `${loaded.meta.title} — ${t.docTitle}` : t.docTitle;
  }, [lang, loaded, t.docTitle]);

  const progress = useLoadProgress();
  const [readingFile, setReadingFile] = useState(false);
  const open = useCallback((name: string, load: () => Promise<LoadedDataset>) => {
    setReadingFile(true);
    load()
      .then((loadedFile) => {
        setLocal(loadedFile);
        setLocalRefusal(null);
      })
      .catch((e: unknown) => {
        if (e instanceof DatasetRefused) setLocalRefusal({ name, errors: e.errors, errorCount: e.errorCount });
        else setLocalRefusal({ name, errors: [{ path: '', code: 'invalid' }], errorCount: 1 });
      })
      .finally(() => setReadingFile(false));
  }, []);
  const onFile = useCallback((file: File) => open(file.name, () => loadFile(file, file.name)), [open]);
  // A file replaced by another (or by going back to the address) lets go of its records.
  useEffect(() => () => local?.engine.dispose(), [local]);

  const address = state.data ?? SAMPLE_DATASET_URL;
  const presentView = useMemo(() => (loaded && state.view ? resolveView(state, loaded.meta) : null), [loaded, state]);

  if (loaded && presentView) {
    return (
      <Suspense fallback={<LoadingState lang={lang} />}>
        <Presentation loaded={loaded} view={presentView} urlState={state} lang={lang} navigate={navigate} />
      </Suspense>
    );
  }

  const error: Error | null = local ? null : (query.error as Error | null);
  // Only once the page has settled: shown during loading, it would be pushed down when the figures arrive.
  const importPanel = (
    <Suspense fallback={null}>
      <ImportPanel
        lang={lang}
        spreadsheets={spreadsheetAccess}
        onView={(text, name) => {
          open(name, () => loadText(text, { kind: 'file', name }));
          window.scrollTo({ top: 0 });
        }}
      />
    </Suspense>
  );

  // Language, theme, open a file, reload: one compact bar.
  const tools = (
    <AppToolbar lang={lang} onLang={(l) => navigate({ lang: l })} theme={theme} onTheme={chooseTheme}>
      <FileOpener lang={lang} onFile={onFile} />
      {query.data && !local && (
        <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          <span aria-hidden="true">↻ </span>
          {t.reload}
        </button>
      )}
    </AppToolbar>
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <main id="main" className="app__main" tabIndex={-1}>
        <ParamNotes notes={notes} lang={lang} />
        {readingFile && <LoadingState lang={lang} progress={progress} />}
        {localRefusal && (
          <RefusedAlert
            lang={lang}
            name={localRefusal.name}
            errors={localRefusal.errors}
            errorCount={localRefusal.errorCount}
          />
        )}
        {error instanceof DatasetRefused && (
          <RefusedAlert lang={lang} name={address} errors={error.errors} errorCount={error.errorCount} />
        )}
        {error instanceof NetworkFailure && (
          <NetworkAlert
            lang={lang}
            problem={{ kind: error.kind, status: error.status }}
            address={address}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        )}
        {error !== null && !(error instanceof DatasetRefused) && !(error instanceof NetworkFailure) && (
          <NetworkAlert
            lang={lang}
            problem={{ kind: 'network' }}
            address={address}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        )}
        {loaded && error !== null && (
          <p className="alert alert--note" role="status">
            {t.staleNote}
          </p>
        )}
        {loaded ? (
          <DashboardPage
            loaded={loaded}
            urlState={state}
            navigate={navigate}
            lang={lang}
            tools={tools}
            after={importPanel}
          />
        ) : (
          error === null && <LoadingState lang={lang} progress={progress} />
        )}
        {/* Before a dataset is shown the tools follow the loading state or the alert, inside the main area: placed
            above it they would leave with the loading state and move everything up as the figures arrive. */}
        {loaded ? null : <div className="app__bar">{tools}</div>}
        {!loaded && error !== null && importPanel}
      </main>
    </div>
  );
}
