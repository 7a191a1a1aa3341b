/**
 * Weighted isotonic (non-decreasing) regression by the pool-adjacent-violators algorithm (Barlow et al. 1972):
 * the least-squares fit Σ w_i (f_i − x_i)² under f_1 ≤ f_2 ≤ … ≤ f_n.
 */

interface Block {
  mean: number;
  weight: number;
  count: number;
}

/** PAVA: the weighted non-decreasing least-squares fit of `values`; weights must be positive and finite. */
export function isotonicRegression(values: readonly number[], weights?: readonly number[]): number[] {
  if (weights !== undefined && weights.length !== values.length) {
    throw new RangeError(`isotonicRegression: ${values.length} values but ${weights.length} weights`);
  }
  const blocks: Block[] = [];
  values.forEach((x, i) => {
    const w = weights?.[i] ?? 1;
    if (!(w > 0) || !Number.isFinite(w) || !Number.isFinite(x)) {
      throw new RangeError(`isotonicRegression: value ${x} with weight ${w} at ${i}`);
    }
    blocks.push({ mean: x, weight: w, count: 1 });
    // Merge while the last block's mean is below the one before it.
    for (;;) {
      const last = blocks[blocks.length - 1];
      const before = blocks[blocks.length - 2];
      if (last === undefined || before === undefined || before.mean <= last.mean) {
        break;
      }
      blocks.splice(blocks.length - 2, 2, {
        mean: (before.weight * before.mean + last.weight * last.mean) / (before.weight + last.weight),
        weight: before.weight + last.weight,
        count: before.count + last.count,
      });
    }
  });
  return blocks.flatMap((b) => new Array<number>(b.count).fill(b.mean));
}
