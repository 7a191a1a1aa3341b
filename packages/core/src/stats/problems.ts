/** An expected data problem found by a statistics routine (shown to the user; never thrown). */
export interface StatsProblem {
  readonly code:
    | 'too-few-points'
    | 'degenerate-time'
    | 'too-few-subjects'
    | 'one-level-group'
    | 'not-finite'
    | 'singular-fit'
    | 'no-events'
    | 'invalid-argument';
  readonly message: string;
  readonly subject?: string;
}

/** The result of a statistics routine whose input may be unusable. */
export type StatsResult<T> =
  ({ readonly kind: 'ok' } & T) | { readonly kind: 'invalid'; readonly problems: readonly StatsProblem[] };

/** Builds an `invalid` result from problems. */
export function invalid(problems: readonly StatsProblem[]): {
  kind: 'invalid';
  problems: readonly StatsProblem[];
} {
  return { kind: 'invalid', problems };
}
