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
  let loaded: Module<P> | null = null;
  let loading: Promise<Module<P>> | null = null;
  const preload = () => {
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
  const Component = lazy(() => {
    const known = loaded;
    // biome-ignore lint/suspicious/noThenProperty: a thenable that answers at once is how React.lazy renders without a fallback.
    if (known) return { then: (resolve: (m: Module<P>) => void) => resolve(known) } as unknown as Promise<Module<P>>;
    return preload();
  });
  return { Component, preload };
}
