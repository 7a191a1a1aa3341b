/**
 * Stratum keys: one independent allocation list per stratum (design.md §3.2). A key is the stratification factors
 * in a fixed order, each as `factor=level`, joined by `|` — e.g. `site=ES01|onset=bulbar`; `*` when the study is
 * not stratified. Site comes first, then the protocol's strata in the order the protocol declares them.
 */
import { designProblem, type DesignProblem, type DesignResult } from '../dose-escalation/design-result.js';
import type { ProtocolRandomization } from '../protocol/protocol-types.js';
import { UNSTRATIFIED_KEY } from './block-list.js';

/** One stratification factor: its id and, when the protocol lists them, the allowed levels. */
export interface StratificationFactor {
  readonly id: string;
  readonly levels?: readonly string[];
}

/** A participant's levels of the stratification factors. */
export interface StratumKeyInput {
  readonly factors: readonly StratificationFactor[];
  readonly values: Readonly<Record<string, string>>;
}

/** The id of the site factor (participant's site code). */
export const SITE_FACTOR = 'site';

const FACTOR_ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;

function levelProblem(factor: StratificationFactor, value: string | undefined): DesignProblem | null {
  const path = `values.${factor.id}`;
  if (value === undefined) {
    return designProblem(
      path,
      'stratum-level-missing',
      `the stratification factor '${factor.id}' has no value`,
    );
  }
  if (value === '' || value !== value.trim() || /[|=]/.test(value) || value === UNSTRATIFIED_KEY) {
    return designProblem(
      path,
      'stratum-level-text',
      `${path} must be non-empty, without outer spaces, '|' or '=' (got '${value}')`,
    );
  }
  if (factor.levels !== undefined && !factor.levels.includes(value)) {
    return designProblem(
      path,
      'stratum-level-unknown',
      `${path} = '${value}' is not one of the protocol's levels: ${factor.levels.join(', ')}`,
    );
  }
  return null;
}

/** Builds the stratum key of a participant, or the problems (missing, unknown or malformed levels). */
export function buildStratumKey(input: StratumKeyInput): DesignResult<string> {
  const problems: DesignProblem[] = [];
  const ids = new Set<string>();
  for (const factor of input.factors) {
    if (!FACTOR_ID.test(factor.id) || ids.has(factor.id)) {
      problems.push(
        designProblem(
          `factors.${factor.id}`,
          'stratum-factor-id',
          `factor id '${factor.id}' is malformed or repeated`,
        ),
      );
    }
    ids.add(factor.id);
    const problem = levelProblem(factor, input.values[factor.id]);
    if (problem !== null) {
      problems.push(problem);
    }
  }
  for (const key of Object.keys(input.values)) {
    if (!ids.has(key)) {
      problems.push(
        designProblem(`values.${key}`, 'stratum-factor-unknown', `'${key}' is not a stratification factor`),
      );
    }
  }
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  if (input.factors.length === 0) {
    return { kind: 'ok', value: UNSTRATIFIED_KEY };
  }
  return { kind: 'ok', value: input.factors.map((f) => `${f.id}=${input.values[f.id] ?? ''}`).join('|') };
}

/** The factor levels written in a stratum key (`*` → no factors). Throws on text no `buildStratumKey` makes. */
export function parseStratumKey(key: string): Record<string, string> {
  if (key === UNSTRATIFIED_KEY) {
    return {};
  }
  const out: Record<string, string> = {};
  for (const part of key.split('|')) {
    const [id, level, ...rest] = part.split('=');
    if (id === undefined || level === undefined || rest.length > 0 || !FACTOR_ID.test(id) || level === '') {
      throw new RangeError(`'${key}' is not a stratum key`);
    }
    out[id] = level;
  }
  return out;
}

/** Options of `stratificationFromProtocol`. */
export interface StratificationOptions {
  /** Stratify by site even when the protocol does not list a `site` stratum (default true). */
  readonly siteStratified?: boolean;
  /** Site codes of the study, used as the site factor's levels when the protocol gives none. */
  readonly siteCodes?: readonly string[];
}

/**
 * The stratification factors of a permuted-block protocol: `site` first (unless `siteStratified: false` and the
 * protocol does not declare it), then every other declared stratum in protocol order.
 */
export function stratificationFromProtocol(
  randomization: Pick<ProtocolRandomization, 'strata'>,
  options: StratificationOptions = {},
): StratificationFactor[] {
  const strata = randomization.strata ?? [];
  const declaredSite = strata.find((s) => s.id === SITE_FACTOR);
  const factors: StratificationFactor[] = [];
  if (declaredSite !== undefined || options.siteStratified !== false) {
    const levels = declaredSite?.levels ?? options.siteCodes;
    factors.push(levels === undefined ? { id: SITE_FACTOR } : { id: SITE_FACTOR, levels });
  }
  for (const stratum of strata) {
    if (stratum.id !== SITE_FACTOR) {
      factors.push(
        stratum.levels === undefined ? { id: stratum.id } : { id: stratum.id, levels: stratum.levels },
      );
    }
  }
  return factors;
}
