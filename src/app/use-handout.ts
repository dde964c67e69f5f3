import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { answerQueryOptions } from '../data/answer-query.ts';
import type { DatasetEngine } from '../data/dataset-engine.ts';
import type { Selection } from '../domain/dashboard.ts';
import type { Lang } from '../domain/format.ts';

/** Longest a print asked for on the page waits for the briefing before printing what there is. */
const PRINT_WAIT_MS = 10_000;

interface Gate {
  promise: Promise<void>;
  open: () => void;
  isOpen: boolean;
}

function closedGate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  const gate: Gate = {
    promise,
    isOpen: false,
    open: () => {
      gate.isOpen = true;
      open();
    },
  };
  return gate;
}

export interface HandoutOptions {
  engine: DatasetEngine;
  /** The selection the charts and ranking show, once their figures are shown; null before. */
  selection: Selection | null;
  lang: Lang;
  /** The code a handout draws: panels loaded on demand, which a print cannot wait for. */
  preload: readonly (() => Promise<unknown>)[];
}

/**
 * Keeps the page ready to print and prints it. A print is laid out when `beforeprint` returns, too soon to
 * fetch code or write the briefing (an asynchronous question to the dataset engine, at province scale
 * answered in a worker), so both are made ready as soon as the figures are shown, and a print started
 * from the page (Ctrl+P, ⌘P or the button) waits for them. A print from the browser's menu cannot be
 * held back: it gets what is ready, which is everything a moment after the figures.
 *
 * Returns the function that prints.
 */
export function useHandout({ engine, selection, lang, preload }: HandoutOptions): () => void {
  const client = useQueryClient();
  const gate = useRef<Gate>(closedGate());
  const preloadRef = useRef(preload);
  preloadRef.current = preload;

  useEffect(() => {
    if (gate.current.isOpen) gate.current = closedGate();
    if (!selection) return;
    const ready = gate.current;
    let current = true;
    void Promise.all([
      client.prefetchQuery(answerQueryOptions(engine, { kind: 'briefing', selection, lang })),
      ...preloadRef.current.map((load) => load().catch(() => undefined)),
    ]).then(() => {
      if (current) ready.open();
    });
    return () => {
      current = false;
    };
  }, [client, engine, selection, lang]);

  const print = useCallback(() => {
    const ready = gate.current;
    if (ready.isOpen) {
      window.print();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, PRINT_WAIT_MS);
    });
    void Promise.race([ready.promise, waited]).then(() => {
      clearTimeout(timer);
      window.print();
    });
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        print();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [print]);

  return print;
}
