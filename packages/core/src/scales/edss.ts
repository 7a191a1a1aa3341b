import {
  AMBULATION_FIXED_EDSS,
  EDSS_AMBULATION_MAX,
  EDSS_FS_RULES,
  EDSS_FUNCTIONAL_SYSTEMS,
  convertBowelBladderFs,
  convertVisualFs,
  type EdssFunctionalSystem,
  type EdssGradeCounts,
} from './edss-rules.js';
import {
  describeValue,
  isIntegerInRange,
  problem,
  type ScaleProblem,
  type ScaleResult,
} from './scale-result.js';

/**
 * EDSS from the seven functional systems and the Neurostatus ambulation score (0–16), following clinical.md §3.
 * Method, sources and the documented choices: docs/methods/edss.md.
 */

/** Version of the step table, stored with every result; bump when any rule changes. */
export const EDSS_ALGORITHM = 'edss-neurostatus16@1';

/** What a form or file supplies (raw FS grades as rated, ambulation score 0–16); leaves validated at runtime. */
export type EdssInput = Readonly<Record<EdssFunctionalSystem | 'ambulation', unknown>>;

/** Validated raw scores. */
export type EdssScores = Readonly<Record<EdssFunctionalSystem | 'ambulation', number>>;

/** The EDSS step with how it was reached. */
export interface EdssResult {
  readonly algorithm: typeof EDSS_ALGORITHM;
  /** 0, 1.0, 1.5, … 9.5, 10. */
  readonly edss: number;
  /** 'ambulation' when the ambulation score (≥ 3) fixed the step, else the FS table. */
  readonly determinedBy: 'ambulation' | 'functional-systems';
  /** Id of the rule that fired (see EDSS_FS_RULES), or `ambulation-<score>`. */
  readonly rule: string;
  /** Present when the rule is one where public readings disagree (see docs/methods/edss.md). */
  readonly disputed?: string;
  readonly raw: EdssScores;
  /** FS grades after the visual and bowel/bladder conversions (the values the step table uses). */
  readonly converted: Readonly<Record<EdssFunctionalSystem, number>>;
}

const FIELDS = [...(Object.keys(EDSS_FUNCTIONAL_SYSTEMS) as EdssFunctionalSystem[]), 'ambulation'] as const;

/** Checks every FS and the ambulation score; each problem names the field and its range rule. */
export function validateEdss(input: EdssInput): ScaleResult<EdssScores> {
  const problems: ScaleProblem[] = [];
  const scores: Partial<Record<EdssFunctionalSystem | 'ambulation', number>> = {};
  for (const field of FIELDS) {
    const max = field === 'ambulation' ? EDSS_AMBULATION_MAX : EDSS_FUNCTIONAL_SYSTEMS[field];
    const value = input[field];
    if (isIntegerInRange(value, { min: 0, max })) {
      scores[field] = value;
    } else if (value === undefined || value === null) {
      problems.push(problem(field, 'required', `${field} is missing (integer 0–${max})`));
    } else {
      problems.push(
        problem(
          field,
          `integer-0-${max}`,
          `${field} must be an integer 0–${max} (got ${describeValue(value)})`,
        ),
      );
    }
  }
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  return { kind: 'ok', value: scores as EdssScores };
}

/** Applies the conversions (visual, bowel/bladder; cerebral grade 1 is kept as 1, see docs). */
export function convertEdssFunctionalSystems(
  raw: EdssScores,
): Readonly<Record<EdssFunctionalSystem, number>> {
  return {
    visual: convertVisualFs(raw.visual),
    brainstem: raw.brainstem,
    pyramidal: raw.pyramidal,
    cerebellar: raw.cerebellar,
    sensory: raw.sensory,
    bowelBladder: convertBowelBladderFs(raw.bowelBladder),
    cerebral: raw.cerebral,
  };
}

/** EDSS from validated raw scores. */
export function computeEdss(raw: EdssScores): EdssResult {
  const step = edssStep(raw);
  const disputes = [...step.disputes];
  if (raw.cerebral === 1 && edssStep({ ...raw, cerebral: 0 }).edss !== step.edss) {
    disputes.push(CEREBRAL_1_DISPUTE);
  }
  return {
    algorithm: EDSS_ALGORITHM,
    edss: step.edss,
    determinedBy: step.determinedBy,
    rule: step.rule,
    ...(disputes.length === 0 ? {} : { disputed: disputes.join('; ') }),
    raw,
    converted: convertEdssFunctionalSystems(raw),
  };
}

const CEREBRAL_1_DISPUTE =
  'cerebral FS 1 counted as 1; EDSScalculator (R) maps it to 0 ("mood alteration only"), which changes this step';

interface Step {
  readonly edss: number;
  readonly determinedBy: EdssResult['determinedBy'];
  readonly rule: string;
  readonly disputes: readonly string[];
}

function edssStep(raw: EdssScores): Step {
  const fixed = AMBULATION_FIXED_EDSS[raw.ambulation];
  if (fixed !== undefined) {
    return { edss: fixed, determinedBy: 'ambulation', rule: `ambulation-${raw.ambulation}`, disputes: [] };
  }
  const grades = Object.values(convertEdssFunctionalSystems(raw));
  const count = (grade: number): number => grades.filter((g) => g === grade).length;
  const counts: EdssGradeCounts = {
    atLeast5: grades.filter((g) => g >= 5).length,
    grade4: count(4),
    grade3: count(3),
    grade2: count(2),
    grade1: count(1),
    ambulation: raw.ambulation,
  };
  const rule = EDSS_FS_RULES.find((r) => r.when(counts));
  if (rule === undefined) {
    throw new Error('EDSS step table has no catch-all rule');
  }
  const disputed = rule.disputed !== undefined && (rule.disputed.when?.(counts) ?? true);
  return {
    edss: rule.edss,
    determinedBy: 'functional-systems',
    rule: rule.id,
    disputes: disputed && rule.disputed !== undefined ? [rule.disputed.note] : [],
  };
}

/** Validates and computes the EDSS. */
export function scoreEdss(input: EdssInput): ScaleResult<EdssResult> {
  const validated = validateEdss(input);
  return validated.kind === 'ok' ? { kind: 'ok', value: computeEdss(validated.value) } : validated;
}
