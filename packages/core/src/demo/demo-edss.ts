// EDSS for synthetic MS participants. Each participant has a fixed "disability path": functional-system grades
// and the Neurostatus ambulation score worsen one step at a time (functional systems first, ambulation once the
// step reaches 4.0, clinical.md §3.2: EDSS > 4 is mainly walking). A visit picks the first point on the path whose
// EDSS (computed by the platform's own computeEdss) equals the visit's target step, so successive visits are
// nested profiles and the form always scores to the intended step (or the nearest one on the path).
import { daysBetweenIsoDates } from '../protocol/iso-date.js';
import { randomNormal, type Rng } from '../random/rng.js';
import { computeEdss, type EdssScores } from '../scales/edss.js';
import { EDSS_FUNCTIONAL_SYSTEMS, type EdssFunctionalSystem } from '../scales/edss-rules.js';
import { DEMO_EDSS } from './demo-parameters.js';
import { clamp, demoRng, weightedChoice } from './demo-random.js';
import type { DemoSubject } from './demo-types.js';

/** How often each functional system worsens on the path (pyramidal and cerebellar most, in progressive MS). ASSUMED. */
const FS_WEIGHTS: readonly (readonly [EdssFunctionalSystem, number])[] = [
  ['pyramidal', 3],
  ['cerebellar', 2],
  ['sensory', 2],
  ['bowelBladder', 1.5],
  ['brainstem', 1],
  ['visual', 0.8],
  ['cerebral', 0.5],
];

/** Highest EDSS the path runs to (ambulation score 10 = wheelchair, EDSS 7.0). */
const PATH_END_EDSS = 7;
const PATH_MAX_STEPS = 80;

export interface DemoEdssPoint {
  readonly scores: EdssScores;
  readonly edss: number;
}

/** Ambulation worsens mostly once the EDSS reaches 4.0 (clinical.md §3.2); rarely earlier (score 1). */
function ambulationStepWeight(scores: EdssScores, edss: number): number {
  if (edss >= 4) {
    return 4;
  }
  return edss >= 2 && scores.ambulation === 0 ? 0.5 : 0;
}

/** The possible next steps: one functional system one grade worse, or the ambulation score one step worse. */
function candidates(scores: EdssScores, edss: number): (readonly [EdssScores, number])[] {
  const next: (readonly [EdssScores, number])[] = FS_WEIGHTS.filter(
    ([system]) => scores[system] < Math.min(EDSS_FUNCTIONAL_SYSTEMS[system], 5),
  ).map(([system, weight]) => [{ ...scores, [system]: scores[system] + 1 }, weight] as const);
  const ambulationWeight = ambulationStepWeight(scores, edss);
  if (ambulationWeight > 0 && scores.ambulation < 10) {
    next.push([{ ...scores, ambulation: scores.ambulation + 1 }, ambulationWeight]);
  }
  return next;
}

/**
 * One step worse, preferring steps that raise the EDSS by at most half a point so that the path passes through
 * every step (a larger jump only when nothing smaller is possible).
 */
function nextScores(rng: Rng, scores: EdssScores, edss: number): EdssScores {
  const scored = candidates(scores, edss).map(([next, weight]) => ({
    next,
    weight,
    rise: computeEdss(next).edss - edss,
  }));
  const small = scored.filter((c) => c.rise >= 0 && c.rise <= 0.5);
  if (small.length > 0) {
    return weightedChoice(
      rng,
      small.map((c) => [c.next, c.weight] as const),
    );
  }
  const smallest = scored.filter((c) => c.rise >= 0).sort((a, b) => a.rise - b.rise)[0];
  return smallest?.next ?? { ...scores, ambulation: Math.min(10, scores.ambulation + 1) };
}

/** The participant's disability path, from no disability to EDSS 7.0. */
export function edssPath(seed: string): DemoEdssPoint[] {
  const rng = demoRng(seed, 'edss-path');
  let scores: EdssScores = {
    visual: 0,
    brainstem: 0,
    pyramidal: 0,
    cerebellar: 0,
    sensory: 0,
    bowelBladder: 0,
    cerebral: 0,
    ambulation: 0,
  };
  const path: DemoEdssPoint[] = [{ scores, edss: computeEdss(scores).edss }];
  for (let step = 0; step < PATH_MAX_STEPS && (path[path.length - 1]?.edss ?? 0) < PATH_END_EDSS; step++) {
    scores = nextScores(rng, scores, path[path.length - 1]?.edss ?? 0);
    path.push({ scores, edss: computeEdss(scores).edss });
  }
  return path;
}

/** The first point whose EDSS equals the target, else the first of those closest to it. */
export function pointForTarget(path: readonly DemoEdssPoint[], target: number): DemoEdssPoint {
  let best = path[0];
  for (const point of path) {
    if (best === undefined || Math.abs(point.edss - target) < Math.abs(best.edss - target)) {
      best = point;
    }
  }
  if (best === undefined) {
    throw new RangeError('EDSS path is empty');
  }
  return best;
}

/** A latent EDSS snapped to a real step (1.0–9.5 in halves; the path covers up to 7.0). */
export function snapToEdssStep(value: number): number {
  return clamp(Math.round(value * 2) / 2, 1, PATH_END_EDSS);
}

/** The EDSS assessment at a date: latent baseline plus slow change and rater noise, on the participant's path. */
export function edssAssessmentAt(participant: DemoSubject, date: string): DemoEdssPoint | undefined {
  const { edssBaseline, edssChangePerYear } = participant.trajectory;
  if (edssBaseline === undefined || edssChangePerYear === undefined) {
    return undefined;
  }
  const years = daysBetweenIsoDates(participant.screeningDate, date) / 365.25;
  const noise = randomNormal(demoRng(participant.seed, 'edss', date), 0, DEMO_EDSS.visitNoiseSd);
  const target = snapToEdssStep(edssBaseline + edssChangePerYear * years + noise);
  return pointForTarget(edssPath(participant.seed), target);
}

/** The edss form values: the seven functional systems (raw grades) and `ambulation`. */
export function edssFormValues(point: DemoEdssPoint): Record<string, unknown> {
  return { ...point.scores };
}
