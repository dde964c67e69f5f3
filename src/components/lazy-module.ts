import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

type Module<P> = { default: ComponentType<P> };

export interface LazyModule<P> {
  /** Render inside a Suspense boundary. */
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts the download; calling again is free, and a failed download is tried again. */
  preload: () => Promise<Module<P>>;
}

/**
 * A component whose code loads on demand and can be loaded ahead. React.lazy shows the fallback on its
 * first render even when the code came long before; a print needs the component drawn in the one render
 * that `beforeprint` allows, so once the code is there the first render gets it at once (a thenable that
 * answers as soon as it is asked).
 */
export function lazyModule<P>(load: () => Promise<Module<P>>): LazyModule<P> {
  const code = loadOnce(load);
  const Component = lazy(() => {
    const known = code.current();
    // biome-ignore lint/suspicious/noThenProperty: a thenable that answers as soon as it is asked is how React.lazy renders without a fallback.
    if (known) return { then: (resolve: (m: Module<P>) => void) => resolve(known) } as unknown as Promise<Module<P>>;
    return code.start();
  });
  return { Component, preload: code.start };
}

export interface LoadOnce<T> {
  /** Starts the download; calling again is free, and a failed download is tried again. */
  start: () => Promise<T>;
  /** What was loaded, or null until it is there. */
  current: () => T | null;
}

/** Code (or anything) downloaded at most once, kept once it is there. */
export function loadOnce<T>(load: () => Promise<T>): LoadOnce<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  const start = () => {
    loading ??= load().then(
      (m) => {
        loaded = m;
        return m;
      },
      (e: unknown) => {
        // A failed download (the network dropped) may be tried again later.
        loading = null;
        throw e;
      },
    );
    return loading;
  };
  return { start, current: () => loaded };
}
