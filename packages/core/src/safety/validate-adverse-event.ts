import { isIsoCalendarDate } from '../protocol/iso-date.js';
import { describeValue, type ScaleProblem } from '../scales/scale-result.js';
import { editDistance } from '../text/edit-distance.js';
import { readBoolean, readDate, readOneOf, readRelatedness, ProblemCollector } from './ae-field-checks.js';
import {
  AE_ACTIONS_TAKEN,
  AE_OUTCOMES,
  SERIOUSNESS_CRITERIA,
  type AdverseEvent,
  type AdverseEventRelatedness,
  type AeGrade,
  type AeOutcome,
  type Relatedness,
  type SeriousnessCriterion,
} from './adverse-event-types.js';
import { findCtcaeTerm } from './ctcae-term-search.js';
import type { CtcaeTermEntry } from './ctcae-v5-terms.js';
import { normalizeTermText } from './term-text.js';

/** An AE as entered (e.g. a parsed request body); every field is checked. */
export interface AdverseEventInput {
  readonly term?: string;
  readonly ctcaeTerm?: string | null;
  readonly onsetDate?: string;
  readonly resolutionDate?: string | null;
  readonly ongoing?: boolean;
  readonly grade?: number;
  readonly serious?: boolean;
  readonly seriousness?: readonly string[];
  readonly relatedness?: {
    readonly product?: string | null;
    readonly procedures?: Readonly<Record<string, string>>;
  };
  readonly expected?: boolean | null;
  readonly actionTaken?: string;
  readonly outcome?: string;
  readonly awarenessDate?: string | null;
}

/** What the check needs besides the record. */
export interface AdverseEventContext {
  /** Today's date (ISO), from the injected clock: no date may be later. */
  readonly today: string;
  /** The CTCAE dictionary `ctcaeTerm` must come from (e.g. CTCAE_V5_TERMS). */
  readonly ctcaeTerms: readonly CtcaeTermEntry[];
  /** Ids of the study procedures the participant had (protocol `procedures[].id`), e.g. lumbar-puncture. */
  readonly procedures?: readonly string[];
}

export type AdverseEventValidation =
  | { readonly kind: 'ok'; readonly event: AdverseEvent }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

/** Longest verbatim term accepted (MedDRA LLT names are at most 100 characters; verbatim text gets room). */
export const AE_TERM_MAX_LENGTH = 200;

const OUTCOMES_OF_RESOLVED: readonly AeOutcome[] = ['recovered', 'recovered-with-sequelae'];
const OUTCOMES_OF_ENDED: readonly AeOutcome[] = [...OUTCOMES_OF_RESOLVED, 'fatal', 'unknown'];
const OUTCOMES_OF_ONGOING: readonly AeOutcome[] = ['recovering', 'not-recovered', 'unknown'];

function readTerm(collector: ProblemCollector, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    collector.add('term', 'required', `term is required (the AE as reported), got ${describeValue(value)}`);
    return undefined;
  }
  const term = value.trim().replace(/\s+/g, ' ');
  if (term.length > AE_TERM_MAX_LENGTH) {
    collector.add('term', 'max-length', `term has ${term.length} characters; at most ${AE_TERM_MAX_LENGTH}`);
    return undefined;
  }
  return term;
}

function readCtcaeTerm(
  collector: ProblemCollector,
  value: unknown,
  terms: readonly CtcaeTermEntry[],
): CtcaeTermEntry | null | undefined {
  if (value === undefined || value === null || value === '') {
    return null;
  }
  if (typeof value !== 'string') {
    collector.add('ctcaeTerm', 'ctcae-term', `ctcaeTerm must be a CTCAE term, got ${describeValue(value)}`);
    return undefined;
  }
  const entry = findCtcaeTerm(value, terms);
  if (entry === undefined) {
    const wanted = normalizeTermText(value);
    const closest = terms
      .map((candidate) => ({ candidate, distance: editDistance(wanted, normalizeTermText(candidate.term)) }))
      .filter((scored) => scored.distance <= 3)
      .sort((a, b) => a.distance - b.distance)[0];
    const hint = closest === undefined ? '' : ` (did you mean '${closest.candidate.term}'?)`;
    collector.add('ctcaeTerm', 'ctcae-term', `'${value}' is not in the CTCAE term list${hint}`);
  }
  return entry;
}

function readGrade(collector: ProblemCollector, value: unknown): AeGrade | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) {
    return value as AeGrade;
  }
  if (value === undefined || value === null) {
    collector.add('grade', 'required', 'grade is required (CTCAE grade 1–5)');
  } else {
    collector.add(
      'grade',
      'integer-1-5',
      `grade must be an integer from 1 to 5, got ${describeValue(value)}`,
    );
  }
  return undefined;
}

function readSeriousness(
  collector: ProblemCollector,
  value: unknown,
  serious: boolean | undefined,
): SeriousnessCriterion[] {
  const list: unknown[] = Array.isArray(value) ? (value as unknown[]) : [];
  if (value !== undefined && value !== null && !Array.isArray(value)) {
    collector.add('seriousness', 'list', `seriousness must be a list, got ${describeValue(value)}`);
  }
  const found = new Set<SeriousnessCriterion>();
  list.forEach((item, index) => {
    const criterion = SERIOUSNESS_CRITERIA.find((candidate) => candidate === item);
    if (criterion === undefined) {
      const message = `must be one of ${SERIOUSNESS_CRITERIA.join(', ')}, got ${describeValue(item)}`;
      collector.add(`seriousness[${index}]`, 'one-of', message);
    } else if (found.has(criterion)) {
      collector.add(`seriousness[${index}]`, 'no-duplicates', `'${criterion}' is listed twice`);
    } else {
      found.add(criterion);
    }
  });
  if (serious === true && list.length === 0) {
    collector.add(
      'seriousness',
      'required-when-serious',
      'a serious AE needs at least one seriousness criterion',
    );
  }
  if (serious === false && list.length > 0) {
    collector.add('seriousness', 'only-when-serious', 'seriousness criteria are given but serious is false');
  }
  return SERIOUSNESS_CRITERIA.filter((criterion) => found.has(criterion));
}

function readRelatednessBlock(
  collector: ProblemCollector,
  input: AdverseEventInput['relatedness'],
  context: { readonly serious: boolean | undefined; readonly procedures: readonly string[] },
): AdverseEventRelatedness {
  const product = readRelatedness(collector, 'relatedness.product', input?.product);
  const procedures: Record<string, Relatedness> = {};
  const known = new Set(context.procedures);
  for (const [id, value] of Object.entries(input?.procedures ?? {})) {
    const path = `relatedness.procedures.${id}`;
    if (!known.has(id)) {
      const had = context.procedures.length === 0 ? 'none' : context.procedures.join(', ');
      collector.add(path, 'unknown-procedure', `the participant had no procedure '${id}' (had: ${had})`);
      continue;
    }
    const level = readRelatedness(collector, path, value);
    if (level !== null && level !== undefined) {
      procedures[id] = level;
    }
  }
  if (context.serious === true) {
    if (product === null) {
      collector.add(
        'relatedness.product',
        'required-when-serious',
        'a serious AE needs causality to the product',
      );
    }
    for (const id of context.procedures) {
      if (input?.procedures?.[id] === undefined) {
        collector.add(
          `relatedness.procedures.${id}`,
          'required-when-serious',
          `a serious AE needs causality to every procedure the participant had, including '${id}'`,
        );
      }
    }
  }
  return { product: product ?? null, procedures };
}

interface CoreFields {
  readonly grade: AeGrade | undefined;
  readonly serious: boolean | undefined;
  readonly seriousness: readonly SeriousnessCriterion[];
  readonly outcome: AeOutcome | undefined;
  readonly ongoing: boolean | undefined;
  readonly resolutionDate: string | undefined;
}

/** Grade 5 ⇔ fatal ⇔ 'death', and ongoing/resolution/outcome agreement. */
function checkConsistency(collector: ProblemCollector, fields: CoreFields): void {
  const { grade, serious, seriousness, outcome, ongoing, resolutionDate } = fields;
  if (grade === 5) {
    if (serious === false) {
      collector.add('serious', 'grade-5-is-death', 'grade 5 (death) makes the AE serious');
    }
    if (serious === true && !seriousness.includes('death')) {
      collector.add(
        'seriousness',
        'grade-5-is-death',
        "grade 5 (death) needs the seriousness criterion 'death'",
      );
    }
    if (outcome !== undefined && outcome !== 'fatal') {
      collector.add('outcome', 'grade-5-is-death', `grade 5 (death) needs outcome 'fatal', got '${outcome}'`);
    }
  } else if (grade !== undefined) {
    if (outcome === 'fatal') {
      collector.add('grade', 'fatal-is-grade-5', `outcome 'fatal' is CTCAE grade 5, got grade ${grade}`);
    }
    if (seriousness.includes('death')) {
      collector.add('grade', 'fatal-is-grade-5', `seriousness 'death' is CTCAE grade 5, got grade ${grade}`);
    }
  }
  if (ongoing === true && resolutionDate !== undefined) {
    collector.add('resolutionDate', 'ongoing-has-no-resolution', 'an ongoing AE has no resolution date');
  }
  if (ongoing === true && outcome !== undefined && !OUTCOMES_OF_ONGOING.includes(outcome)) {
    const allowed = OUTCOMES_OF_ONGOING.join(', ');
    collector.add('outcome', 'ongoing-outcome', `an ongoing AE has outcome ${allowed}; got '${outcome}'`);
  }
  if (ongoing === false && outcome !== undefined) {
    if (!OUTCOMES_OF_ENDED.includes(outcome)) {
      const allowed = OUTCOMES_OF_ENDED.join(', ');
      collector.add(
        'outcome',
        'ended-outcome',
        `an AE that is not ongoing has outcome ${allowed}; got '${outcome}'`,
      );
    } else if (resolutionDate === undefined && OUTCOMES_OF_RESOLVED.includes(outcome)) {
      collector.add('resolutionDate', 'resolved-needs-date', `outcome '${outcome}' needs a resolution date`);
    }
  }
}

/** Date order: resolution and awareness not before onset; awareness required for serious AEs. */
function checkDates(
  collector: ProblemCollector,
  dates: { onset?: string; resolution?: string; awareness?: string; serious?: boolean },
): void {
  const { onset, resolution, awareness, serious } = dates;
  if (onset !== undefined && resolution !== undefined && resolution < onset) {
    collector.add(
      'resolutionDate',
      'not-before-onset',
      `resolutionDate ${resolution} is before onsetDate ${onset}`,
    );
  }
  if (onset !== undefined && awareness !== undefined && awareness < onset) {
    collector.add(
      'awarenessDate',
      'not-before-onset',
      `awarenessDate ${awareness} is before onsetDate ${onset}`,
    );
  }
  if (
    serious === true &&
    awareness === undefined &&
    !collector.problems.some((p) => p.path === 'awarenessDate')
  ) {
    collector.add(
      'awarenessDate',
      'required-when-serious',
      'a serious AE needs the date the site became aware of it (it starts the 24-hour reporting clock)',
    );
  }
}

/**
 * Checks an AE record and returns it normalised (trimmed term, canonical CTCAE spelling and SOC, seriousness in
 * a fixed order), or every problem found. Rules: docs/methods/adverse-events.md.
 */
export function validateAdverseEvent(
  input: AdverseEventInput,
  context: AdverseEventContext,
): AdverseEventValidation {
  if (!isIsoCalendarDate(context.today)) {
    throw new RangeError(`context.today must be an ISO date, got ${context.today}`);
  }
  const collector = new ProblemCollector();
  const today = context.today;
  const term = readTerm(collector, input.term);
  const ctcae = readCtcaeTerm(collector, input.ctcaeTerm, context.ctcaeTerms);
  const onsetDate = readDate(collector, { path: 'onsetDate', value: input.onsetDate, required: true }, today);
  const resolutionDate = readDate(
    collector,
    { path: 'resolutionDate', value: input.resolutionDate, required: false },
    today,
  );
  const ongoing = readBoolean(collector, 'ongoing', input.ongoing);
  const grade = readGrade(collector, input.grade);
  const serious = readBoolean(collector, 'serious', input.serious);
  const seriousness = readSeriousness(collector, input.seriousness, serious);
  const relatedness = readRelatednessBlock(collector, input.relatedness, {
    serious,
    procedures: context.procedures ?? [],
  });
  const expected = input.expected ?? null;
  if (typeof expected !== 'boolean' && expected !== null) {
    collector.add(
      'expected',
      'boolean',
      `expected must be true, false or absent, got ${describeValue(expected)}`,
    );
  }
  const actionTaken = readOneOf(
    collector,
    { path: 'actionTaken', value: input.actionTaken },
    AE_ACTIONS_TAKEN,
  );
  const outcome = readOneOf(collector, { path: 'outcome', value: input.outcome }, AE_OUTCOMES);
  const awarenessDate = readDate(
    collector,
    { path: 'awarenessDate', value: input.awarenessDate, required: false },
    today,
  );
  checkConsistency(collector, { grade, serious, seriousness, outcome, ongoing, resolutionDate });
  checkDates(collector, { onset: onsetDate, resolution: resolutionDate, awareness: awarenessDate, serious });
  if (
    collector.problems.length > 0 ||
    term === undefined ||
    ctcae === undefined ||
    onsetDate === undefined ||
    ongoing === undefined ||
    grade === undefined ||
    serious === undefined ||
    actionTaken === undefined ||
    outcome === undefined
  ) {
    return { kind: 'invalid', problems: collector.problems };
  }
  return {
    kind: 'ok',
    event: {
      term,
      ctcaeTerm: ctcae?.term ?? null,
      soc: ctcae?.soc ?? null,
      onsetDate,
      resolutionDate: resolutionDate ?? null,
      ongoing,
      grade,
      serious,
      seriousness: serious ? seriousness : [],
      relatedness,
      expected: typeof expected === 'boolean' ? expected : null,
      actionTaken,
      outcome,
      awarenessDate: awarenessDate ?? null,
    },
  };
}
