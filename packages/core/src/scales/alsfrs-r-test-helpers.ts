import type { AlsfrsRItemNumber, AlsfrsRItems, AlsfrsRItemScore } from './alsfrs-r-items.js';

/** Test helper: an all-4 record with some items changed (item 5 by number; scale 'a' unless told). */
export function itemsWith(
  changes: Partial<Record<AlsfrsRItemNumber, AlsfrsRItemScore>>,
  item5Scale: 'a' | 'b' = 'a',
): AlsfrsRItems {
  const scores = {} as Record<AlsfrsRItemNumber, AlsfrsRItemScore>;
  for (let n = 1; n <= 12; n++) {
    const key = n as AlsfrsRItemNumber;
    scores[key] = changes[key] ?? 4;
  }
  return { scores, item5Scale };
}

/** Test helper: the raw `items` object a form or file would send for the same record. */
export function rawItems(items: AlsfrsRItems): Record<string, number> {
  const raw: Record<string, number> = {};
  for (const [n, score] of Object.entries(items.scores)) {
    raw[n === '5' ? `5${items.item5Scale}` : n] = score;
  }
  return raw;
}
