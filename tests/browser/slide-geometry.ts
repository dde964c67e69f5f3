import type { Page } from 'playwright-core';

/**
 * The geometry of the slide on screen, read from the page's layout (client
 * rects of text ranges and SVG text, computed styles, clipping ancestors), not
 * from pixels: what a person at the back of the hall would find wrong with it.
 * Used by slides-geometry.test.ts at the four projector sizes of issue 12.
 */

export interface SlideGeometry {
  /** The slide's counter, "n / N". */
  counter: string;
  /** The slide's heading (the title slide's h1). */
  title: string;
  /** How many pieces of text were measured, so a test can tell an empty slide from a clean one. */
  texts: number;
  /** The smallest text on screen, in px. */
  smallest: number;
  /** Everything wrong, one line each, naming the text. */
  problems: string[];
  /**
   * Unit names a chart shortened with an ellipsis to fit its names column. Issue 12 allows this
   * only when the presenter's notes give the full name; the test checks that.
   */
  shortened: string[];
}

/**
 * Measures the slide shown. Runs in the page: it must not use anything from
 * this module's scope (it is sent to the page as its source text).
 */
function measureInPage(): SlideGeometry {
  const root = document.querySelector('.presentation');
  const slide = root?.querySelector('.slide');
  const footer = root?.querySelector('.presentation__footer');
  const controls = root?.querySelector('.presentation__controls');
  if (!root || !slide || !footer || !controls) {
    return { counter: '', title: '', texts: 0, smallest: 0, problems: ['no slide on screen'], shortened: [] };
  }
  const W = window.innerWidth;
  const H = window.innerHeight;
  const floor = H / 60;
  const problems: string[] = [];
  const shortened: string[] = [];
  const px = (v: number) => `${Math.round(v * 10) / 10}px`;
  const short = (s: string) => {
    const t = s.replace(/\s+/g, ' ').trim();
    return `«${t.length > 70 ? `${t.slice(0, 67)}…` : t}»`;
  };
  const where = (r: DOMRect | { left: number; top: number; right: number; bottom: number }) =>
    `[${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}]`;

  /** Seen at all: rendered, not hidden, not transparent, not a visually-hidden label for screen readers. */
  const seen = (el: Element): boolean => {
    if (el.getClientRects().length === 0) return false;
    for (let a: Element | null = el; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
      if ((s.clip !== 'auto' && s.clip !== '') || (s.clipPath !== 'none' && s.clipPath !== '')) {
        const r = a.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) return false;
      }
    }
    return true;
  };

  /** The box an ancestor clips its content to, or null when it lets it overflow. */
  const clipBox = (a: Element) => {
    const s = getComputedStyle(a);
    const clips = (v: string) => v !== 'visible';
    if (!clips(s.overflowX) && !clips(s.overflowY)) return null;
    const r = a.getBoundingClientRect();
    if (a instanceof SVGSVGElement) return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, el: a };
    const left = r.left + a.clientLeft;
    const top = r.top + a.clientTop;
    return {
      left: clips(s.overflowX) ? left : Number.NEGATIVE_INFINITY,
      right: clips(s.overflowX) ? left + a.clientWidth : Number.POSITIVE_INFINITY,
      top: clips(s.overflowY) ? top : Number.NEGATIVE_INFINITY,
      bottom: clips(s.overflowY) ? top + a.clientHeight : Number.POSITIVE_INFINITY,
      el: a,
    };
  };
  const nameOf = (el: Element) => {
    const cls = typeof el.className === 'string' ? el.className : (el.getAttribute('class') ?? '');
    return `${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}`;
  };

  interface Piece {
    text: string;
    el: Element;
    rects: DOMRect[];
    size: number;
    svg: boolean;
  }
  const pieces: Piece[] = [];
  const svgDone = new Set<Element>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const raw = node.textContent ?? '';
    const parent = node.parentElement;
    if (!raw.trim() || !parent) continue;
    if (parent.closest('title, desc, script, style')) continue;
    if (parent instanceof SVGElement) {
      // One piece per <text>: its box is the extent of all its glyphs.
      const text = parent.closest('text');
      if (!text || svgDone.has(text) || !seen(text)) continue;
      svgDone.add(text);
      const ctm = (text as SVGGraphicsElement).getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      const r = text.getBoundingClientRect();
      pieces.push({
        text: text.textContent ?? '',
        el: text,
        rects: r.width > 0 && r.height > 0 ? [r] : [],
        size: Number.parseFloat(getComputedStyle(text).fontSize) * scale,
        svg: true,
      });
      continue;
    }
    if (!seen(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
    pieces.push({
      text: raw,
      el: parent,
      rects,
      size: Number.parseFloat(getComputedStyle(parent).fontSize),
      svg: false,
    });
  }

  let smallest = Number.POSITIVE_INFINITY;
  for (const p of pieces) {
    smallest = Math.min(smallest, p.size);
    // 1. Large enough to read from the back: a 60th of the screen's height.
    if (p.size < floor - 0.05) problems.push(`text below ${px(floor)}: ${short(p.text)} is ${px(p.size)}`);

    // 2. Never cut: no ellipsis, inside its box, its chart, its SVG, every clipping ancestor and the screen.
    const block = p.svg ? null : (p.el.closest('p, li, h1, h2, h3, th, td, button, span, div') as HTMLElement | null);
    if (/(…|\.\.\.)$/.test(p.text.trim())) {
      if (p.el.matches('.unit-chart__name')) shortened.push(p.text.trim());
      else problems.push(`shortened text: ${short(p.text)}`);
    }
    for (let a: Element | null = p.el; a; a = a.parentElement) {
      if (!(a instanceof HTMLElement)) continue;
      const s = getComputedStyle(a);
      if (s.textOverflow === 'ellipsis' && a.scrollWidth > a.clientWidth + 1) {
        problems.push(`cut with an ellipsis: ${short(p.text)} needs ${a.scrollWidth}px, has ${a.clientWidth}px`);
        break;
      }
      if (a === root) break;
    }
    const tolY = Math.max(1, p.size * 0.2);
    const outside = (r: DOMRect, box: { left: number; top: number; right: number; bottom: number }) =>
      r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - tolY || r.bottom > box.bottom + tolY;
    for (const r of p.rects) {
      if (outside(r, { left: 0, top: 0, right: W, bottom: H })) {
        problems.push(`text off the screen: ${short(p.text)} at ${where(r)}`);
        continue;
      }
      if (block && block !== p.el.closest('.presentation__controls')) {
        const b = block.getBoundingClientRect();
        const cs = getComputedStyle(block);
        const inner = {
          left: b.left + Number.parseFloat(cs.borderLeftWidth) - 1,
          right: b.right - Number.parseFloat(cs.borderRightWidth) + 1,
          top: b.top,
          bottom: b.bottom,
        };
        if (cs.display !== 'inline' && outside(r, inner)) {
          problems.push(`text overflows its box (${nameOf(block)} ${where(b)}): ${short(p.text)} at ${where(r)}`);
          continue;
        }
      }
      if (p.svg) {
        const svg = (p.el as SVGElement).ownerSVGElement;
        if (svg && outside(r, svg.getBoundingClientRect())) {
          problems.push(`text outside its SVG ${where(svg.getBoundingClientRect())}: ${short(p.text)} at ${where(r)}`);
          continue;
        }
      }
      const chart = p.el.closest('.slide__chart');
      if (chart && outside(r, chart.getBoundingClientRect())) {
        problems.push(
          `text outside its chart ${where(chart.getBoundingClientRect())}: ${short(p.text)} at ${where(r)}`,
        );
        continue;
      }
      for (let a: Element | null = p.el.parentElement; a; a = a.parentElement) {
        const box = clipBox(a);
        if (box && outside(r, box)) {
          problems.push(`text cut by ${nameOf(a)} ${where(box)}: ${short(p.text)} at ${where(r)}`);
          break;
        }
        if (a === root) break;
      }
    }
  }

  // 3. Every element of the slide inside whatever clips it (the slide itself, a chart's SVG), and above the footer.
  const footerTop = Math.min(footer.getBoundingClientRect().top, controls.getBoundingClientRect().top);
  for (const el of slide.querySelectorAll('*')) {
    if (el.closest('title, desc, defs, clipPath, mask') || !seen(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    const label = el.textContent?.trim() ? `${nameOf(el)} ${short(el.textContent)}` : nameOf(el);
    if (r.bottom > footerTop + 1) {
      problems.push(`under the footer (top ${Math.round(footerTop)}): ${label} at ${where(r)}`);
      continue;
    }
    for (let a: Element | null = el.parentElement; a; a = a.parentElement) {
      const box = clipBox(a);
      if (
        box &&
        (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
      ) {
        problems.push(`clipped by ${nameOf(a)} ${where(box)}: ${label} at ${where(r)}`);
        break;
      }
      if (a === root) break;
    }
  }
  // The footer and the controls on screen, whole, each control visible in its bar.
  for (const bar of [footer, controls]) {
    const r = bar.getBoundingClientRect();
    if (r.bottom > H + 1 || r.top < 0) problems.push(`${nameOf(bar)} off the screen at ${where(r)}`);
    for (const el of bar.querySelectorAll('*')) {
      if (!seen(el)) continue;
      const e = el.getBoundingClientRect();
      const box = clipBox(bar);
      if (box && (e.left < box.left - 1 || e.right > box.right + 1)) {
        problems.push(`clipped by ${nameOf(bar)}: ${nameOf(el)} ${short(el.textContent ?? '')} at ${where(e)}`);
      }
    }
  }
  if (document.documentElement.scrollHeight > H + 1 || document.documentElement.scrollWidth > W + 1) {
    problems.push(
      `the page scrolls: ${document.documentElement.scrollWidth}×${document.documentElement.scrollHeight} in ${W}×${H}`,
    );
  }

  // 4. No text over other text: the em boxes of two pieces of text never meet.
  interface Box {
    i: number;
    left: number;
    right: number;
    top: number;
    bottom: number;
  }
  const boxes: Box[] = [];
  pieces.forEach((p, i) => {
    for (const r of p.rects) {
      const mid = (r.top + r.bottom) / 2;
      boxes.push({ i, left: r.left, right: r.right, top: mid - p.size / 2, bottom: mid + p.size / 2 });
    }
  });
  const reported = new Set<string>();
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const x = boxes[a] as Box;
      const y = boxes[b] as Box;
      if (x.i === y.i) continue;
      const w = Math.min(x.right, y.right) - Math.max(x.left, y.left);
      const h = Math.min(x.bottom, y.bottom) - Math.max(x.top, y.top);
      if (w > 1 && h > 1) {
        const key = `${Math.min(x.i, y.i)}-${Math.max(x.i, y.i)}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const p = pieces[x.i] as Piece;
        const q = pieces[y.i] as Piece;
        problems.push(`text over text: ${short(p.text)} ${where(x)} and ${short(q.text)} ${where(y)}`);
      }
    }
  }

  const heading = slide.querySelector('h1, h2');
  return {
    counter: root.querySelector('.presentation__counter')?.textContent ?? '',
    title: heading?.textContent ?? '',
    texts: pieces.length,
    smallest: Number.isFinite(smallest) ? smallest : 0,
    problems,
    shortened,
  };
}

// Sent as text; a transpiler that names functions (esbuild's keepNames, used by tsx) calls a helper the page lacks.
const SOURCE = `(() => { const __name = (f) => f; return (${measureInPage.toString()})(); })()`;

/** The geometry of the slide on screen, once it has settled (fonts loaded, charts drawn, layout unchanged for a frame). */
export async function measureSlide(page: Page): Promise<SlideGeometry> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A chart slide is done when its chart (or the sentence standing for it) is in place.
  await page.waitForFunction(() => {
    const chart = document.querySelector('.slide .slide__chart');
    return !chart || chart.querySelector('svg, .chart-statement, .chart-fallback') !== null;
  });
  let last = '';
  for (let i = 0; i < 30; i++) {
    const now = await page.evaluate(SOURCE);
    const key = JSON.stringify(now);
    if (key === last) return now as SlideGeometry;
    last = key;
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  }
  throw new Error(`the slide never settled: its geometry changed on each of 30 frames (${last.slice(0, 200)})`);
}
