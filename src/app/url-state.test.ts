import { describe, expect, it } from 'vitest';
import { datasetMeta } from '../domain/dataset-meta.ts';
import { indexDataset } from '../domain/metrics.ts';
import type { Dataset } from '../domain/schema.ts';
import { DEFAULT_URL_STATE, isSameSite, parseUrlState, resolveView, serializeUrlState } from './url-state.ts';

const ORIGIN = 'http://127.0.0.1:4173';

const dataset: Dataset = {
  schemaVersion: 1,
  title: 'T',
  units: [{ id: 'a', name: 'A', level: 'commune' }],
  records: ['2021-01', '2021-02', '2021-03'].map((month) => ({
    unitId: 'a',
    month,
    carriedOver: 0,
    received: 1,
    receivedOnlineLevel3: 0,
    receivedOnlineLevel4: 0,
    resolvedEarly: 0,
    resolvedOnTime: 1,
    resolvedLate: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
    feesVnd: 0,
  })),
};

describe('the URL query', () => {
  it('reads every parameter of the view', () => {
    const { state, notes } = parseUrlState(
      '?from=2021-02&to=2021-03&level=commune&unit=a&field=ho-tich&lang=en&data=x.json',
      ORIGIN,
    );
    expect(state).toEqual({
      from: '2021-02',
      to: '2021-03',
      level: 'commune',
      unit: 'a',
      field: 'ho-tich',
      lang: 'en',
      data: 'x.json',
      view: null,
      slide: 1,
      theme: null,
      compare: null,
      targetOnTime: null,
      targetOnline: null,
    });
    expect(notes).toEqual([]);
  });

  it('ignores malformed parameters with a note for each', () => {
    const { state, notes } = parseUrlState(
      '?from=2021-13&level=town&lang=fr&data=https://evil.example/d.json&x=1',
      ORIGIN,
    );
    expect(state).toEqual({ ...DEFAULT_URL_STATE });
    expect(notes.map((n) => `${n.param}:${n.code}`).sort()).toEqual(
      ['data:other_host', 'from:bad_month', 'lang:bad_lang', 'level:bad_level', 'x:unknown_param'].sort(),
    );
  });

  it('accepts relative and same-origin data addresses only', () => {
    expect(isSameSite('data/other.json', ORIGIN)).toBe(true);
    expect(isSameSite('/x/y.json', ORIGIN)).toBe(true);
    expect(isSameSite(`${ORIGIN}/z.json`, ORIGIN)).toBe(true);
    expect(isSameSite('//evil.example/z.json', ORIGIN)).toBe(false);
    expect(isSameSite('javascript:alert(1)', ORIGIN)).toBe(false);
  });

  it('writes a short query, leaving defaults out, and reads it back the same', () => {
    const state = { ...DEFAULT_URL_STATE, from: '2021-02', unit: 'a' };
    const query = serializeUrlState(state);
    expect(query).toBe('?from=2021-02&unit=a');
    expect(parseUrlState(query, ORIGIN).state).toEqual(state);
  });
});

describe('presentation parameters', () => {
  it('reads view, slide and theme, and writes the slide only in presentation mode', () => {
    const { state, notes } = parseUrlState('?view=present&slide=3&theme=dark&from=2021-02', ORIGIN);
    expect(state).toMatchObject({ view: 'present', slide: 3, theme: 'dark', from: '2021-02' });
    expect(notes).toEqual([]);
    expect(serializeUrlState(state)).toBe('?from=2021-02&view=present&slide=3&theme=dark');
    expect(serializeUrlState({ ...state, view: null, theme: null })).toBe('?from=2021-02');
  });

  it('notes a bad view or slide', () => {
    const { state, notes } = parseUrlState('?view=slides&slide=0', ORIGIN);
    expect(state.view).toBeNull();
    expect(state.slide).toBe(1);
    expect(notes.map((n) => n.code)).toEqual(['bad_view', 'bad_slide']);
  });
});

describe('the view against the dataset', () => {
  const index = datasetMeta(indexDataset(dataset));

  it('defaults to the whole span', () => {
    const { state } = parseUrlState('', ORIGIN);
    expect(resolveView(state, index)).toMatchObject({ range: { from: '2021-01', to: '2021-03' }, notes: [] });
  });

  it('drops months outside the data, a backwards range and an unknown unit, with notes', () => {
    const a = resolveView(parseUrlState('?from=2020-01&unit=zz', ORIGIN).state, index);
    expect(a?.range).toEqual({ from: '2021-01', to: '2021-03' });
    expect(a?.unitId).toBeNull();
    expect(a?.notes.map((n) => n.code)).toEqual(['out_of_span', 'unknown_unit']);
    const b = resolveView(parseUrlState('?from=2021-03&to=2021-02', ORIGIN).state, index);
    expect(b?.range).toEqual({ from: '2021-01', to: '2021-03' });
    expect(b?.notes.map((n) => n.code)).toEqual(['from_after_to']);
  });

  it('drops a field the data does not have and a level it has no unit at, with notes', () => {
    const v = resolveView(parseUrlState('?field=dat-dai&level=province', ORIGIN).state, index);
    expect(v?.field).toBeNull();
    expect(v?.level).toBe('all');
    expect(v?.notes.map((n) => [n.param, n.code])).toEqual([
      ['field', 'unknown_field'],
      ['level', 'absent_level'],
    ]);
  });

  it('keeps a field the data has, and writes it back into the address', () => {
    const withFields = datasetMeta(
      indexDataset({
        ...dataset,
        schemaVersion: 2,
        fields: [{ id: 'dat-dai', name: 'Đất đai' }],
        records: dataset.records.map((r) => ({ ...r, fieldId: 'dat-dai' })),
      }),
    );
    const { state } = parseUrlState('?field=dat-dai', ORIGIN);
    expect(resolveView(state, withFields)?.field).toBe('dat-dai');
    expect(serializeUrlState(state)).toBe('?field=dat-dai');
  });
});

describe('comparison and targets in the address', () => {
  it('reads compare and the reader’s targets in percent, and writes them back the same', () => {
    const { state, notes } = parseUrlState('?compare=previous&targetOnTime=92,5&targetOnline=60%25', ORIGIN);
    expect(notes).toEqual([]);
    expect(state).toMatchObject({ compare: 'previous', targetOnTime: 0.925, targetOnline: 0.6 });
    const query = serializeUrlState(state);
    expect(query).toBe('?compare=previous&targetOnTime=92.5&targetOnline=60');
    expect(parseUrlState(query, ORIGIN).state).toEqual(state);
  });

  it('drops a comparison or a target it cannot read, with a note for each', () => {
    const { state, notes } = parseUrlState('?compare=lastyear&targetOnTime=120&targetOnline=abc', ORIGIN);
    expect(state).toEqual({ ...DEFAULT_URL_STATE });
    expect(notes.map((n) => `${n.param}:${n.code}`)).toEqual([
      'compare:bad_compare',
      'targetOnTime:bad_target',
      'targetOnline:bad_target',
    ]);
  });

  it('compares with the same months a year earlier by default when the data has them, else the previous period', () => {
    // Data for 2021-01 … 2022-03: January–March 2022 has its year-earlier months; January–March 2021 does not.
    const months = [...Array(15).keys()].map(
      (i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const meta = datasetMeta(
      indexDataset({
        ...dataset,
        records: months.map((month) => ({ ...(dataset.records[0] as Dataset['records'][number]), month })),
      }),
    );
    const late = resolveView(parseUrlState('?from=2022-01&to=2022-03', ORIGIN).state, meta);
    expect(late?.compare).toBe('year');
    const early = resolveView(parseUrlState('?from=2021-01&to=2021-03', ORIGIN).state, meta);
    expect(early?.compare).toBe('previous');
    const asked = resolveView(
      parseUrlState('?from=2022-01&to=2022-03&compare=previous&targetOnTime=90', ORIGIN).state,
      meta,
    );
    expect(asked?.compare).toBe('previous');
    expect(asked?.targets).toEqual({ onTimeRate: 0.9 });
  });
});
