import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { provinceWithoutDistricts } from '../../tests/support/province-without-districts.ts';
import { dashboardFigures, type Selection } from '../domain/dashboard.ts';
import { datasetMeta } from '../domain/dataset-meta.ts';
import { formatPercent, type Lang } from '../domain/format.ts';
import { indexDataset } from '../domain/metrics.ts';
import type { Dataset } from '../domain/schema.ts';
import { slideMetrics } from '../domain/slide-plan.ts';
import { type Slide, slidesOf } from './slides.tsx';

/**
 * Issue 12 §2: the ranking slides lead with those who lag. On a province of a
 * thousand communes (hundreds of them below a target, far more than a slide
 * holds), every commune and every procedure field below a target is named on
 * the ranking slides, before the best, and the presenter's notes read each one
 * out with its figures. Who lags is worked out here from the records, by the
 * definitions of docs/data-format.md (on time = early + on time over resolved;
 * online = received online over received), not by the metric module.
 */

const dataset = provinceWithoutDistricts(1000);
const index = indexDataset(dataset);
const meta = datasetMeta(index);
const selection: Selection = {
  range: { from: '2025-07', to: '2025-12' },
  level: 'all',
  unitId: null,
  field: null,
  compare: 'previous',
};
const figures = dashboardFigures(index, selection);
const targets = { onTime: dataset.targets?.onTimeRate ?? 0, online: dataset.targets?.onlineRate ?? 0 };

interface Sums {
  onTime: number;
  resolved: number;
  online: number;
  received: number;
}

/** The records summed by a key (a unit, a field), over the communes only: the level the ranking compares. */
function sumsBy(key: (r: Dataset['records'][number]) => string): Map<string, Sums> {
  const communes = new Set(dataset.units.filter((u) => u.level === 'commune').map((u) => u.id));
  const sums = new Map<string, Sums>();
  for (const r of dataset.records) {
    if (!communes.has(r.unitId)) continue;
    const s = sums.get(key(r)) ?? { onTime: 0, resolved: 0, online: 0, received: 0 };
    s.onTime += r.resolvedEarly + r.resolvedOnTime;
    s.resolved += r.resolvedEarly + r.resolvedOnTime + r.resolvedLate;
    s.online += r.receivedOnline ?? 0;
    s.received += r.received;
    sums.set(key(r), s);
  }
  return sums;
}

const byUnit = sumsBy((r) => r.unitId);
const nameOf = new Map(dataset.units.map((u) => [u.id, u.name]));
const laggingUnits = (pick: 'onTime' | 'online') =>
  [...byUnit]
    .filter(([, s]) => (pick === 'onTime' ? s.onTime / s.resolved : s.online / s.received) < targets[pick])
    .map(([id, s]) => ({ name: nameOf.get(id) ?? id, onTime: s.onTime / s.resolved, online: s.online / s.received }));

/** Each field over every unit in view (the province's own office and its communes), as the field figures are. */
function fieldSums(): Map<string, Sums> {
  const sums = new Map<string, Sums>();
  for (const r of dataset.records) {
    const id = r.fieldId ?? '';
    const s = sums.get(id) ?? { onTime: 0, resolved: 0, online: 0, received: 0 };
    s.onTime += r.resolvedEarly + r.resolvedOnTime;
    s.resolved += r.resolvedEarly + r.resolvedOnTime + r.resolvedLate;
    s.online += r.receivedOnline ?? 0;
    s.received += r.received;
    sums.set(id, s);
  }
  return sums;
}

function rankingOf(lang: Lang): { slides: Slide[]; texts: string[]; all: Slide[] } {
  const all = slidesOf({ meta, warnings: [], warningCount: 0 }, figures, selection, lang, slideMetrics(1024, 768));
  const slides = all.filter((s) => /^(Xếp hạng|Ranking)/.test(s.title));
  const texts = slides.map((s) => renderToStaticMarkup(createElement(Fragment, null, s.body())));
  return { slides, texts, all };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('the ranking slides of a province of a thousand communes', () => {
  const onTime = laggingUnits('onTime');
  const online = laggingUnits('online');

  it('has more lagging communes than one slide holds, so that paging is put to the test', () => {
    expect(onTime.length).toBeGreaterThan(100);
    expect(online.length).toBeGreaterThan(100);
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`names every commune below the on-time target, then every one below the online target, then the best (${lang})`, () => {
      const { slides, texts } = rankingOf(lang);
      const group = (re: RegExp) => slides.flatMap((s, i) => (re.test(s.title) ? [i] : []));
      const onTimePages = group(/(đúng hạn|on-time target)/);
      const onlinePages = group(/(trực tuyến|online target)$|(trực tuyến|online target) \(\d+\/\d+\)$/);
      const fieldPages = group(/(lĩnh vực|procedure fields)/);
      const bestPages = group(/(dẫn đầu|leading units)/);
      // In that order, each group's slides one after another, and the best last.
      expect(onTimePages[0]).toBe(0);
      expect(onlinePages[0]).toBe((onTimePages.at(-1) ?? -2) + 1);
      expect(fieldPages[0]).toBe((onlinePages.at(-1) ?? -2) + 1);
      expect(bestPages).toEqual([slides.length - 1]);
      // Each slide's title says how many lag, and which page of how many it is.
      expect(slides[0]?.title).toContain(`${onTime.length.toLocaleString('vi-VN')}`);
      expect(slides[onTimePages.at(-1) ?? 0]?.title).toMatch(
        new RegExp(`\\(${onTimePages.length}/${onTimePages.length}\\)$`),
      );

      const onTimeText = onTimePages.map((i) => texts[i]).join('\n');
      const onlineText = onlinePages.map((i) => texts[i]).join('\n');
      const missing = [
        ...onTime.filter((u) => !onTimeText.includes(`>${escapeHtml(u.name)}<`)).map((u) => `on time: ${u.name}`),
        ...online.filter((u) => !onlineText.includes(`>${escapeHtml(u.name)}<`)).map((u) => `online: ${u.name}`),
      ];
      expect(missing).toEqual([]);
      // Nobody above both targets among those who lag.
      const rows = (html: string) => (html.match(/<th scope="row">/g) ?? []).length;
      expect(onTimePages.reduce((n, i) => n + rows(texts[i] ?? ''), 0)).toBe(onTime.length);
      expect(onlinePages.reduce((n, i) => n + rows(texts[i] ?? ''), 0)).toBe(online.length);
    });

    it(`reads each lagging commune out in the notes, with its rate against the target (${lang})`, () => {
      const { slides } = rankingOf(lang);
      const notes = slides.map((s) => s.extraNotes).join('\n\n');
      const sentences = notes.split('\n\n');
      const problems: string[] = [];
      for (const u of onTime) {
        const said = sentences.find((s) => s.startsWith(`${u.name}: `));
        const rate = formatPercent(u.onTime, lang);
        const target = formatPercent(targets.onTime, lang);
        const expected =
          lang === 'vi' ? `tỷ lệ đúng hạn ${rate} (chỉ tiêu ${target})` : `on-time rate ${rate} (target ${target})`;
        if (!said?.includes(expected)) problems.push(`${u.name}: «${said ?? 'not in the notes'}» lacks «${expected}»`);
      }
      for (const u of online) {
        const said = sentences.find((s) => s.startsWith(`${u.name}: `));
        const rate = formatPercent(u.online, lang);
        const target = formatPercent(targets.online, lang);
        const expected =
          lang === 'vi' ? `tỷ lệ trực tuyến ${rate} (chỉ tiêu ${target})` : `online uptake ${rate} (target ${target})`;
        if (!said?.includes(expected)) problems.push(`${u.name}: «${said ?? 'not in the notes'}» lacks «${expected}»`);
      }
      expect(problems).toEqual([]);
      expect(sentences.length).toBeGreaterThanOrEqual(Math.max(onTime.length, online.length));
    });
  }

  it('names every procedure field below a target on its own slides, and reads each out in the notes', () => {
    const fields = [...fieldSums()].filter(
      ([, s]) => s.onTime / s.resolved < targets.onTime || s.online / s.received < targets.online,
    );
    // The generator makes land (đất đai) late two and a half times as often: it lags at least.
    expect(fields.map(([id]) => id)).toContain('dat-dai');
    const { slides, texts } = rankingOf('vi');
    const fieldIndexes = slides.flatMap((s, i) => (/lĩnh vực/.test(s.title) ? [i] : []));
    const text = fieldIndexes.map((i) => texts[i]).join('\n');
    const notes = fieldIndexes.map((i) => slides[i]?.extraNotes).join('\n\n');
    const name = (id: string) => dataset.fields?.find((f) => f.id === id)?.name ?? id;
    for (const [id, s] of fields) {
      expect(text).toContain(`>${name(id)}<`);
      expect(notes).toContain(`${name(id)}: `);
      if (s.onTime / s.resolved < targets.onTime) {
        expect(notes).toContain(`tỷ lệ đúng hạn ${formatPercent(s.onTime / s.resolved, 'vi')}`);
      }
    }
    expect((text.match(/<th scope="row">/g) ?? []).length).toBe(fields.length);
    expect(slides[0]?.title).toMatch(/^Xếp hạng: [\d.]+ đơn vị dưới chỉ tiêu đúng hạn/);
  });
});
