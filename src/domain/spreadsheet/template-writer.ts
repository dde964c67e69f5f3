import { LEVEL_SHORT } from '../labels.ts';
import type { Dataset, DatasetRecord, Level, Unit } from '../schema.ts';
import { datasetToInfo, type InfoRow } from './info-sheet.ts';
import { EXAMPLE_UNIT_ID, TEMPLATE_COLUMNS, templateHeaderRow, templateRuleRow } from './template-columns.ts';

/** A dataset written back as the project's table, and the blank template. Reading the table gives the dataset again. */

export type TableCell = string | number | null;

function levelWord(level: Level): string {
  return LEVEL_SHORT[level].vi.toLowerCase();
}

function recordRow(record: DatasetRecord, unit: Unit | undefined, fieldName: string | undefined): TableCell[] {
  return TEMPLATE_COLUMNS.map((c): TableCell => {
    switch (c.key) {
      case 'unitId':
        return record.unitId;
      case 'unitName':
        return unit?.name ?? null;
      case 'level':
        return unit ? levelWord(unit.level) : null;
      case 'parentId':
        return unit?.parentId ?? null;
      case 'code':
        return unit?.code ?? null;
      case 'month':
        return record.month;
      case 'fieldId':
        return record.fieldId ?? null;
      case 'fieldName':
        return record.fieldId === undefined ? null : (fieldName ?? null);
      default:
        return record[c.key] ?? null;
    }
  });
}

/**
 * The dataset as the flat table: a header row, then one row per record in
 * the dataset's order with its unit's columns (and its field's) repeated.
 * Units and fields without any record have no row, so they are not carried by
 * the table; nor is a field's code.
 */
export function datasetToTable(dataset: Dataset): TableCell[][] {
  const units = new Map(dataset.units.map((u) => [u.id, u]));
  const fields = new Map((dataset.fields ?? []).map((f) => [f.id, f.name]));
  return [
    templateHeaderRow(),
    ...dataset.records.map((r) =>
      recordRow(r, units.get(r.unitId), r.fieldId === undefined ? undefined : fields.get(r.fieldId)),
    ),
  ];
}

/** The dataset the template's example row describes: one district, one month, one field, as offices report today. */
export const TEMPLATE_EXAMPLE: Dataset = {
  schemaVersion: 2,
  title: 'Huyện Mẫu – kết quả giải quyết thủ tục hành chính',
  source: 'Báo cáo kết quả giải quyết TTHC của UBND huyện (ghi rõ số, ngày báo cáo)',
  illustrative: false,
  targets: { onTimeRate: 0.95, onlineRate: 0.5 },
  facts: [{ label: 'Thủ tục hành chính đang áp dụng', value: 434, unit: 'thủ tục' }],
  fields: [{ id: 'dat-dai', name: 'Đất đai' }],
  units: [{ id: EXAMPLE_UNIT_ID, name: 'Huyện Mẫu', level: 'district' }],
  records: [
    {
      unitId: EXAMPLE_UNIT_ID,
      month: '2022-04',
      fieldId: 'dat-dai',
      carriedOver: 120,
      received: 1_000,
      receivedOnline: 350,
      resolvedEarly: 300,
      resolvedOnTime: 650,
      resolvedLate: 10,
      withdrawn: 5,
      pendingWithinDeadline: 150,
      pendingOverdue: 5,
      feesVnd: 12_500_000,
      interlinked: 40,
      saturdayReceived: 25,
      apologyLetters: 2,
    },
  ],
};

/** The template's table: headers, the row of meanings and rules, and one filled example row. */
export function templateTable(): TableCell[][] {
  const [header, ...rows] = datasetToTable(TEMPLATE_EXAMPLE);
  return [header ?? templateHeaderRow(), templateRuleRow(), ...rows];
}

export function templateInfo(): InfoRow[] {
  return datasetToInfo(TEMPLATE_EXAMPLE);
}
