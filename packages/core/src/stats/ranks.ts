/** Ranks with ties given their average rank (R's `rank(x, ties.method = "average")`). */
export interface RankResult {
  /** Rank of each input value (1-based, same order as the input). */
  readonly ranks: number[];
  /** Sizes of the groups of tied values (only groups of 2 or more). */
  readonly tieSizes: number[];
}

/** Average ranks; values tie only when exactly equal (as in R without rounding). */
export function averageRanks(values: readonly number[]): RankResult {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const ranks = new Array<number>(values.length).fill(0);
  const tieSizes: number[] = [];
  let i = 0;
  while (i < order.length) {
    let j = i;
    const v = values[order[i] ?? 0];
    while (j + 1 < order.length && values[order[j + 1] ?? 0] === v) {
      j++;
    }
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      ranks[order[k] ?? 0] = rank;
    }
    if (j > i) {
      tieSizes.push(j - i + 1);
    }
    i = j + 1;
  }
  return { ranks, tieSizes };
}
