import { describe, expect, it } from 'vitest';
import {
  attribute,
  type CpuProfile,
  inclusive,
  type LoadRun,
  moduleRegions,
  type PageKind,
  roundRatio,
  type TraceEvent,
  traceSelfTime,
} from './bench.ts';

/** A load with only the figures a test sets. */
function run(page: PageKind, round: number, figures: Partial<LoadRun>): LoadRun {
  return {
    page,
    round,
    timedOut: false,
    headline: null,
    chart: null,
    scrolled: null,
    scriptEnd: null,
    dataStart: null,
    dataEnd: null,
    chartChunkStart: null,
    chartChunkEnd: null,
    workerScriptStart: null,
    busyToHeadline: null,
    busyToChart: null,
    longestTask: null,
    heap: null,
    domHeap: null,
    workerHeap: null,
    heapAfterSweep: null,
    shiftBeforeHeadline: null,
    shiftAfterHeadline: null,
    shiftAfterChart: null,
    shiftNodes: [],
    shiftNodesBefore: [],
    sweepMs: null,
    domElements: null,
    domTables: null,
    domSelects: null,
    changeFrame: [],
    changePaint: [],
    changeTimedOut: false,
    errors: [],
    ...figures,
  };
}

describe('roundRatio', () => {
  it('pairs the loads of each round in order and takes the median of the ratios', () => {
    const runs = [
      run('floor', 0, { chart: 1000 }),
      run('sample', 0, { headline: 800 }),
      run('floor', 0, { chart: 1200 }),
      run('sample', 0, { headline: 1200 }),
      run('sample', 1, { headline: 900 }),
      run('floor', 1, { chart: 1000 }),
    ];
    // By hand: 800/1000 = 0.8, 1200/1200 = 1.0, 900/1000 = 0.9; the median is 0.9.
    expect(
      roundRatio(
        runs,
        'sample',
        (r) => r.headline,
        'floor',
        (r) => r.chart,
      ),
    ).toBeCloseTo(0.9, 10);
  });

  it("sets one load against the median of the other page's loads in its round, and counts a timeout as a miss", () => {
    const runs = [
      run('sample', 0, { chart: 1000 }),
      run('sample', 0, { chart: 1400 }),
      run('large', 0, { chart: 3000 }),
      run('sample', 1, { chart: 1000 }),
      run('sample', 1, { chart: 1000 }),
      run('large', 1, { timedOut: true }),
      run('sample', 2, { chart: 2000 }),
      run('sample', 2, { chart: 2000 }),
      run('large', 2, { chart: 2000 }),
    ];
    // By hand: 3000 / median(1000, 1400) = 2.5; a timeout is infinitely slow; 2000/2000 = 1. Median: 2.5.
    expect(
      roundRatio(
        runs,
        'large',
        (r) => r.chart,
        'sample',
        (r) => r.chart,
      ),
    ).toBe(2.5);
  });
});

describe('traceSelfTime', () => {
  const ms = 1000;
  const events: TraceEvent[] = [
    { name: 'RunTask', ph: 'X', ts: 0, dur: 100 * ms, pid: 1, tid: 1 },
    { name: 'FunctionCall', ph: 'X', ts: 10 * ms, dur: 50 * ms, pid: 1, tid: 1 },
    // A layout forced by the script: inside its function call.
    { name: 'Layout', ph: 'X', ts: 20 * ms, dur: 20 * ms, pid: 1, tid: 1 },
    { name: 'Layout', ph: 'X', ts: 70 * ms, dur: 20 * ms, pid: 1, tid: 1 },
    { name: 'RunTask', ph: 'X', ts: 200 * ms, dur: 50 * ms, pid: 1, tid: 1 },
    { name: 'bench:headline', ph: 'R', ts: 150 * ms, pid: 1, tid: 1 },
  ];

  it('gives each kind of work its own time, without what it contains', () => {
    // By hand: the task 100 − 50 − 20 = 30 ms, the function 50 − 20 = 30 ms, layout 20 + 20 = 40 ms.
    const [rows, total] = traceSelfTime(events, 0, 150 * ms);
    expect(new Map(rows)).toEqual(
      new Map([
        ['Layout', 40],
        ['JavaScript (FunctionCall)', 30],
        ['tasks, not otherwise named (RunTask)', 30],
      ]),
    );
    expect(total).toBe(100);
  });

  it('counts only the part of each event inside the window', () => {
    // By hand, up to 80 ms: the task 80 − 50 − 10 = 20, the function 30, layout 20 + 10 = 30.
    const [rows, total] = traceSelfTime(events, 0, 80 * ms);
    expect(new Map(rows)).toEqual(
      new Map([
        ['JavaScript (FunctionCall)', 30],
        ['Layout', 30],
        ['tasks, not otherwise named (RunTask)', 20],
      ]),
    );
    expect(total).toBe(80);
  });
});

describe('CPU profile attribution', () => {
  const url = 'http://127.0.0.1:4173/assets/index-abc.js';
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: 0 }, children: [2, 3, 4, 7] },
      { id: 2, callFrame: { functionName: '(program)', url: '', lineNumber: 0 } },
      { id: 3, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: 0 } },
      { id: 4, callFrame: { functionName: 'render', url, lineNumber: 5 }, children: [5] },
      { id: 5, callFrame: { functionName: 'measure', url, lineNumber: 12 }, children: [6] },
      { id: 6, callFrame: { functionName: 'getBoundingClientRect', url: '', lineNumber: -1 } },
      { id: 7, callFrame: { functionName: '(idle)', url: '', lineNumber: 0 } },
    ],
    samples: [2, 2, 3, 4, 5, 6, 6, 6, 7, 7],
    timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
  };

  it('names the module of each line of an unminified chunk, indented or not', () => {
    const code = ['// node_modules/react/index.js', 'x', '//#region src/app/a.ts', 'y', '\t// src/domain/b.ts', 'z'];
    expect(moduleRegions(code.join('\n'))).toEqual([
      [0, 'react'],
      [2, 'src/app/a.ts'],
      [4, 'src/domain/b.ts'],
    ]);
  });

  it('bills self time to modules, and a forced layout to the code that called it; idle left out', () => {
    const regions = new Map([
      [
        'index-abc.js',
        [
          [0, 'react-dom'],
          [10, 'src/components/chart.tsx'],
        ] as [number, string][],
      ],
    ]);
    const [rows, total] = attribute(profile, regions);
    expect(new Map(rows)).toEqual(
      new Map([
        ['built-in: getBoundingClientRect, called from src/components/chart.tsx', 3],
        ['(program)', 2],
        ['(garbage collector)', 1],
        ['react-dom', 1],
        ['src/components/chart.tsx', 1],
      ]),
    );
    expect(total).toBe(8);
  });

  it("adds up the worker's steps with their callees, each sample once per step", () => {
    const worker: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: 'onmessage', url, lineNumber: 1 }, children: [2] },
        { id: 2, callFrame: { functionName: 'parseDatasetText', url, lineNumber: 2 }, children: [3, 4] },
        { id: 3, callFrame: { functionName: 'parse', url: '', lineNumber: -1 } },
        { id: 4, callFrame: { functionName: 'validateDataset', url, lineNumber: 3 }, children: [5] },
        { id: 5, callFrame: { functionName: 'findWarnings', url, lineNumber: 4 } },
        { id: 6, callFrame: { functionName: '(idle)', url: '', lineNumber: 0 } },
      ],
      samples: [3, 3, 4, 5, 6, 2],
      timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000],
    };
    // By hand: parseDatasetText is on the stack in 5 samples, JSON.parse in 2, validateDataset in 2, findWarnings in 1.
    const [rows, total] = inclusive(worker);
    expect(rows).toEqual([
      ['parseDatasetText: JSON.parse + validation', 5],
      ['… JSON.parse', 2],
      ['… validateDataset', 2],
      ['… … of which findWarnings', 1],
    ]);
    expect(total).toBe(5);
  });
});
