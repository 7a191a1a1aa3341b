import type { AnalysisDataset } from '@celltrial/contracts';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The dataset in long format, one row per observation, numbers unrounded. The arm column exists only for callers
 * who may see allocations; blinded callers get no arm column at all.
 */
export function datasetCsv(dataset: AnalysisDataset): string {
  const header = [
    'subject',
    'synthetic',
    ...(dataset.blinded ? [] : ['arm']),
    'measure',
    'visit',
    'date',
    'months',
    'value',
  ];
  const lines = [header.join(',')];
  for (const o of dataset.observations) {
    const row = [
      o.subject,
      o.synthetic,
      ...(dataset.blinded ? [] : [o.arm]),
      o.measure,
      o.visitKey,
      o.date,
      o.months,
      o.value,
    ];
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The download's file name: study, data status and cut date, e.g. `analysis-dataset-current-2026-01-05.csv`. */
export function datasetFileName(dataset: AnalysisDataset): string {
  return `analysis-dataset-${dataset.status.source}-${dataset.status.dataCutDate}.csv`;
}
