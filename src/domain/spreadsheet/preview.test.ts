import { describe, expect, it } from 'vitest';
import { EXPECTED_REPORTS } from '../../../tests/support/report-fixtures.ts';
import type { Dataset } from '../schema.ts';
import { parseDatasetText } from '../validate.ts';
import { importOutcome, importPreview } from './preview.ts';

const DATASET: Dataset = { title: 'Gia Lâm', ...EXPECTED_REPORTS };

describe('the preview of an import', () => {
  it('gives units, months and fields, and totals per level worked out by hand', () => {
    expect(importPreview(DATASET)).toEqual({
      title: 'Gia Lâm',
      illustrative: false,
      unitCount: 3,
      recordCount: 12,
      units: [
        { level: 'district', count: 1, names: ['Huyện Gia Lâm'] },
        { level: 'commune', count: 2, names: ['Xã Ninh Hiệp', 'Xã Đông Dư'] },
      ],
      months: { from: '2022-04', to: '2022-05', count: 2 },
      fields: ['Đất đai', 'Xây dựng', 'Hộ tịch', 'Chứng thực'],
      totals: [
        // District: received 300 + 50 + 300 + 50; online 40 + 5 + 60 + 10; resolved (50+200+30) + (5+40+2)
        // + (70+210+20) + (6+44+0) = 677, of them early or on time 250 + 45 + 280 + 50 = 625.
        { level: 'district', received: 700, receivedOnline: 115, resolved: 677, onTimeRate: 625 / 677 },
        // Communes: received 1500 + 1000 + 1550 + 900 (Ninh Hiệp) + 120 + 30 + 120 + 30 (Đông Dư); online
        // 1200 + 10 + 1300 + 20 + 80 + 3 + 90 + 6; resolved 1480 + 1000 + 1553 + 900 + 116 + 25 + 118 + 36,
        // early or on time 1480 + 1000 + 1550 + 900 + 115 + 20 + 118 + 30.
        { level: 'commune', received: 5250, receivedOnline: 2709, resolved: 5228, onTimeRate: 5213 / 5228 },
      ],
    });
  });

  it('hands the page the dataset as JSON text, never its records, and keeps a refusal as it is', () => {
    const outcome = importOutcome({ ok: true, dataset: DATASET, warnings: [], notes: [] });
    if (!outcome.ok) throw new Error('expected a dataset');
    const read = parseDatasetText(outcome.text);
    expect(read.ok && read.dataset).toEqual({ $schema: './schema.json', ...DATASET });
    expect(Object.keys(outcome)).not.toContain('dataset');
    const refused = { ok: false as const, errors: [], errorCount: 0, notes: [] };
    expect(importOutcome(refused)).toBe(refused);
  });
});
