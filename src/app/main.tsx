// First, so the dataset and chart requests leave before the rest of the page's code is evaluated
// (modules are evaluated in the order they are first imported).
import './start-loading.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { datasetLoaded, queryClient } from './start-loading.ts';
// Self-hosted so the page needs no other host; the files carry the Vietnamese subset.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * How long the page waits for its dataset before it draws the loading state. A small file is in well within
 * it: the first render then draws the figures, instead of drawing a loading state that the figures replace
 * a moment later (its render, layout and paint held the figures back by about 100 ms on the sample).
 */
const LOADING_STATE_AFTER_MS = 300;

let rendered = false;
function render(): void {
  if (rendered || !root) return;
  rendered = true;
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
/**
 * The page's font files, preloaded by index.html, in every weight the figures use; the text asks for the
 * Vietnamese and latin-ext files too ('₫' and 'ỳ' come from the latter). Drawn before they are in, the
 * headline figures would move when they arrive.
 */
const fontsLoaded = Promise.all(
  [400, 600, 700].map((weight) => document.fonts.load(`${weight} 1em "Be Vietnam Pro"`, 'Aaẫỳ₫')),
).catch(() => undefined);
// prefetchQuery never rejects: a failed load renders at once too, with its message.
void Promise.all([datasetLoaded, fontsLoaded]).then(render);
setTimeout(render, LOADING_STATE_AFTER_MS);
