import { type RefObject, useEffect, useState } from 'react';
import { usePrinting } from './print-mode.ts';

/**
 * True once the element has come within a screen of the viewport, or when
 * the page is printed. Charts further down the page are drawn only then:
 * drawing every chart at once costs seconds on a slow laptop, while their
 * frames keep their height so nothing shifts.
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  // The print is laid out when `beforeprint` returns: printing renders at once, `near` only a task later.
  const printing = usePrinting();
  useEffect(() => {
    if (near) return;
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    // Once printed, it stays drawn on screen too.
    const onPrint = () => setNear(true);
    window.addEventListener('beforeprint', onPrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', onPrint);
    };
  }, [near, ref]);
  return near || printing;
}
