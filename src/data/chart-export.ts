/**
 * Chart images and table files for staff to paste into reports. Loaded on
 * first use (dynamic import), so none of this weighs on the first view.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The selector of a drawn chart's SVG, whichever module drew it. */
export const CHART_SVG = 'svg.recharts-surface, svg.unit-chart__svg';

export interface ImageMeta {
  title: string;
  period: string;
  /** Shown under the chart when the dataset is illustrative. */
  note: string | null;
  legend: string[];
}

export function download(fileName: string, data: Blob | string, type: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
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

/** Copy computed colours and fonts onto the clone: a standalone SVG cannot resolve the page's CSS variables. */
function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  for (const prop of ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-weight']) {
    const value = style.getPropertyValue(prop);
    if (value && value !== 'none' && !(prop === 'opacity' && value === '1')) target.setAttribute(prop, value);
    else if (value === 'none' && (prop === 'fill' || prop === 'stroke')) target.setAttribute(prop, 'none');
  }
  if (source.tagName.toLowerCase() === 'text') target.setAttribute('font-family', style.fontFamily);
  // Inline styles may name the page's CSS variables (recharts writes `fill: var(--…)` on labels);
  // what they set has just been copied as resolved attributes.
  target.removeAttribute('style');
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) {
    const s = sourceChildren[i];
    const t = targetChildren[i];
    if (s && t) inlineStyles(s, t);
  }
}

function text(
  x: number,
  y: number,
  content: string,
  size: number,
  weight = 'normal',
  fill = '#1a1d21',
): SVGTextElement {
  const el = document.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  el.setAttribute('font-size', String(size));
  el.setAttribute('font-weight', weight);
  el.setAttribute('font-family', 'Be Vietnam Pro, system-ui, sans-serif');
  el.setAttribute('fill', fill);
  // textContent, never markup: titles and unit names come from the data.
  el.textContent = content;
  return el;
}

/** Legend colours as drawn on the page (recharts draws its legend in HTML, outside the SVG). */
function legendColors(frame: Element, count: number): string[] {
  const icons = [
    ...frame.querySelectorAll('.recharts-legend-item svg path, .recharts-legend-item svg rect, .chart-legend svg rect'),
  ];
  const colors = icons.map((el) => getComputedStyle(el).fill).filter((c) => c && c !== 'none');
  if (colors.length >= count) return colors.slice(0, count);
  const root = getComputedStyle(document.documentElement);
  return Array.from({ length: count }, (_, i) => root.getPropertyValue(`--chart-${(i % 6) + 1}`).trim() || '#0072b2');
}

/** A self-contained SVG of the chart with its title, period, legend and the illustrative note. */
export function chartSvg(frame: Element, meta: ImageMeta): { svg: string; width: number; height: number } {
  // The drawing itself: a recharts surface, or a chart by unit drawn by hand (legend swatches are svg too).
  const surface = frame.querySelector(CHART_SVG);
  if (!surface) throw new Error('the chart is not drawn yet');
  const box = surface.getBoundingClientRect();
  const chartWidth = Math.round(box.width || Number(surface.getAttribute('width')) || 600);
  const chartHeight = Math.round(box.height || Number(surface.getAttribute('height')) || 300);
  const pad = 16;
  const legendRows = Math.ceil(meta.legend.length / 3);
  const width = chartWidth + pad * 2;
  const top = 64;
  const height = top + chartHeight + legendRows * 24 + (meta.note ? 28 : 0) + pad;

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  root.append(bg);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = meta.title;
  root.append(title);
  root.append(text(pad, 28, meta.title, 18, '700'));
  root.append(text(pad, 50, meta.period, 14, 'normal', '#4a5260'));

  const clone = surface.cloneNode(true) as SVGSVGElement;
  inlineStyles(surface, clone);
  clone.setAttribute('x', String(pad));
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(chartWidth));
  clone.setAttribute('height', String(chartHeight));
  root.append(clone);

  const colors = legendColors(frame, meta.legend.length);
  meta.legend.forEach((name, i) => {
    const col = i % 3;
    const row = Math.floor(i / 3);
    const x = pad + col * Math.floor(chartWidth / 3);
    const y = top + chartHeight + 18 + row * 24;
    const swatch = document.createElementNS(SVG_NS, 'rect');
    swatch.setAttribute('x', String(x));
    swatch.setAttribute('y', String(y - 11));
    swatch.setAttribute('width', '12');
    swatch.setAttribute('height', '12');
    swatch.setAttribute('fill', colors[i] ?? '#0072b2');
    root.append(swatch, text(x + 18, y, name, 13));
  });
  if (meta.note) root.append(text(pad, height - pad, meta.note, 13, '700', '#7a4b00'));
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** The SVG drawn onto a canvas at `scale` times its size (2× for slides). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart image could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
