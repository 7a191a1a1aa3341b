// Step 1 of the demo-data generator (docs/demo-data.md): synthetic participants for a protocol — demographics,
// history, a screening record that evaluateEligibility judges eligible (or, for a chosen share, a screen failure
// naming the failing criterion), a latent disease course and the follow-up outcome. Step 2 (form values, con-meds,
// adverse events at the server's real visit dates) reads only these participants.
import { evaluateEligibility } from '../eligibility/evaluate-eligibility.js';
import type { ScreeningRecord } from '../eligibility/screening-record.js';
import { addDaysToIsoDate, daysBetweenIsoDates, isIsoCalendarDate } from '../protocol/iso-date.js';
import type { Protocol } from '../protocol/protocol-types.js';
import { randomInt, type Rng } from '../random/rng.js';
import { problem, type ScaleProblem } from '../scales/scale-result.js';
import { drawCandidate, type DemoCandidateContext } from './demo-candidate.js';
import { collectEligibilityHints, type DemoEligibilityHints } from './demo-eligibility-hints.js';
import { drawOutcome } from './demo-outcome.js';
import { DEMO_DEFAULT_SCREEN_FAILURE_RATE, DEMO_MAX_ATTEMPTS } from './demo-parameters.js';
import { chance, demoRng, drawKey } from './demo-random.js';
import { makeScreenFailure } from './demo-screen-failure.js';
import { buildScreeningRecord, recordContextFor, type DemoRecordContext } from './demo-screening-record.js';
import { studyCalendar, studyDisease, type DemoStudyCalendar } from './demo-study.js';
import type { DemoDisease, DemoParticipant, DemoSubject } from './demo-types.js';

export interface DemoGenerationOptions {
  /** Number of participants (screened candidates, screen failures included), 1–10 000. */
  readonly count: number;
  /** The seeded generator (createSeededRng(seed)): the same seed gives the same participants. */
  readonly rng: Rng;
  /** `YYYY-MM-DD`: the generation date; screening dates end 14 days before it and no event is after it. */
  readonly today: string;
  /** First screening date (default: 540 days before `today`); screenings spread evenly at random after it. */
  readonly firstScreeningDate?: string;
  /** Site codes to spread participants over (default: the protocol's sites). */
  readonly sites?: readonly string[];
  /** Share of screen failures, 0–1 (default 0.1). */
  readonly screenFailureRate?: number;
}

export type DemoGenerationResult =
  | { readonly kind: 'ok'; readonly participants: readonly DemoParticipant[] }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

/** The last screening is this many days before `today`. */
const LAST_SCREENING_BEFORE_TODAY = 14;
const DEFAULT_RECRUITMENT_DAYS = 540;
const MAX_COUNT = 10_000;

interface Study {
  readonly protocol: Protocol;
  readonly disease: DemoDisease;
  readonly hints: DemoEligibilityHints;
  readonly calendar: DemoStudyCalendar;
  readonly recordContext: DemoRecordContext;
}

function optionProblems(protocol: Protocol, options: DemoGenerationOptions): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const { count, today, firstScreeningDate, screenFailureRate } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    problems.push(
      problem('count', 'integer-range', `count must be a whole number from 1 to ${MAX_COUNT} (got ${count})`),
    );
  }
  if (!isIsoCalendarDate(today)) {
    problems.push(
      problem('today', 'iso-date', `today must be a real calendar date YYYY-MM-DD (got "${today}")`),
    );
  } else if (firstScreeningDate !== undefined) {
    if (!isIsoCalendarDate(firstScreeningDate)) {
      problems.push(
        problem(
          'firstScreeningDate',
          'iso-date',
          `firstScreeningDate must be a real calendar date YYYY-MM-DD (got "${firstScreeningDate}")`,
        ),
      );
    } else if (daysBetweenIsoDates(firstScreeningDate, today) < LAST_SCREENING_BEFORE_TODAY) {
      problems.push(
        problem(
          'firstScreeningDate',
          'before-today',
          `firstScreeningDate ${firstScreeningDate} must be at least ${LAST_SCREENING_BEFORE_TODAY} days before today ${today}`,
        ),
      );
    }
  }
  if (screenFailureRate !== undefined && !(screenFailureRate >= 0 && screenFailureRate <= 1)) {
    problems.push(
      problem(
        'screenFailureRate',
        'range',
        `screenFailureRate must be a number from 0 to 1 (got ${screenFailureRate})`,
      ),
    );
  }
  const sites = options.sites ?? protocol.sites.map((site) => site.code);
  if (sites.length === 0) {
    problems.push(
      problem('sites', 'required', 'sites: the protocol lists no sites, so give at least one site code'),
    );
  }
  return problems;
}

/** Screening dates, sorted: uniform between the first screening date and 14 days before today. */
function screeningDates(options: DemoGenerationOptions): string[] {
  const last = addDaysToIsoDate(options.today, -LAST_SCREENING_BEFORE_TODAY);
  const first = options.firstScreeningDate ?? addDaysToIsoDate(last, -DEFAULT_RECRUITMENT_DAYS);
  const span = daysBetweenIsoDates(first, last);
  const offsets: number[] = [];
  for (let i = 0; i < options.count; i++) {
    offsets.push(randomInt(options.rng, 0, span));
  }
  return offsets.sort((a, b) => a - b).map((offset) => addDaysToIsoDate(first, offset));
}

interface Eligible {
  readonly subject: DemoSubject;
  readonly record: ScreeningRecord;
}

/** Draws candidates until one is eligible; the failing criteria of the rejected draws are counted. */
function eligibleCandidate(
  study: Study,
  input: {
    readonly key: string;
    readonly context: Omit<DemoCandidateContext, 'seed'>;
    readonly failures: Map<string, number>;
  },
): Eligible | undefined {
  for (let attempt = 0; attempt < DEMO_MAX_ATTEMPTS; attempt++) {
    const seed = `${input.key}.${attempt}`;
    const subject = drawCandidate(demoRng(seed, 'candidate'), { ...input.context, seed });
    const record = buildScreeningRecord(subject, study.recordContext);
    const evaluation = evaluateEligibility(study.protocol, record);
    if (evaluation.verdict === 'eligible') {
      return { subject, record };
    }
    for (const criterion of evaluation.criteria) {
      const failed =
        criterion.kind === 'inclusion' ? criterion.status !== 'met' : criterion.status !== 'not-met';
      if (failed) {
        input.failures.set(criterion.id, (input.failures.get(criterion.id) ?? 0) + 1);
      }
    }
  }
  return undefined;
}

function unreachable(failures: Map<string, number>): ScaleProblem {
  const worst = [...failures.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id, times]) => `${id} (${times}×)`)
    .join(', ');
  return problem(
    'protocol.eligibility',
    'reachable',
    `protocol.eligibility: no eligible synthetic candidate in ${DEMO_MAX_ATTEMPTS} draws; criteria not met most often: ${worst}`,
  );
}

function prepareStudy(protocol: Protocol): Study | ScaleProblem {
  const hints = collectEligibilityHints(protocol);
  const disease = studyDisease(protocol, hints);
  if (disease === undefined) {
    return problem(
      'protocol.conditions',
      'supported-disease',
      `protocol.conditions: demo data exists for ALS and MS only (got ${protocol.conditions.join(', ') || 'none'})`,
    );
  }
  return {
    protocol,
    disease,
    hints,
    calendar: studyCalendar(protocol),
    recordContext: recordContextFor(protocol, hints.progressionLeadInDays),
  };
}

/** Synthetic participants for a protocol (step 1 of docs/demo-data.md). */
export function generateDemoParticipants(
  protocol: Protocol,
  options: DemoGenerationOptions,
): DemoGenerationResult {
  const problems = optionProblems(protocol, options);
  const study = prepareStudy(protocol);
  if (!('protocol' in study)) {
    problems.push(study);
  }
  if (problems.length > 0 || !('protocol' in study)) {
    return { kind: 'invalid', problems };
  }
  const sites = options.sites ?? protocol.sites.map((site) => site.code);
  const failureRate = options.screenFailureRate ?? DEMO_DEFAULT_SCREEN_FAILURE_RATE;
  const failures = new Map<string, number>();
  const participants: DemoParticipant[] = [];
  for (const [index, screeningDate] of screeningDates(options).entries()) {
    const key = drawKey(options.rng);
    const siteCode = sites[randomInt(options.rng, 0, sites.length - 1)] ?? '';
    const wantsFailure = chance(options.rng, failureRate);
    const siteCountry = protocol.sites.find((site) => site.code === siteCode)?.country;
    const context = { disease: study.disease, hints: study.hints, screeningDate, siteCountry };
    const eligible = eligibleCandidate(study, { key, context, failures });
    if (eligible === undefined) {
      return { kind: 'invalid', problems: [unreachable(failures)] };
    }
    const failure = wantsFailure
      ? makeScreenFailure(demoRng(key, 'screen-failure'), {
          protocol,
          subject: eligible.subject,
          context: study.recordContext,
        })
      : undefined;
    const subject = failure?.subject ?? eligible.subject;
    const plannedEnrollmentDate = addDaysToIsoDate(screeningDate, study.calendar.enrollmentDays);
    const plannedEndDate = addDaysToIsoDate(screeningDate, study.calendar.endDays);
    participants.push({
      index,
      siteCode,
      synthetic: true,
      ...subject,
      plannedEnrollmentDate,
      plannedEndDate,
      asOfDate: options.today,
      screening: failure?.record ?? eligible.record,
      screenFailure: failure !== undefined,
      failedCriteria: failure?.failedCriteria ?? [],
      outcome:
        failure === undefined
          ? drawOutcome(subject, {
              enrollmentDate: plannedEnrollmentDate,
              endDate: plannedEndDate,
              asOfDate: options.today,
            })
          : { kind: 'ongoing' },
    });
  }
  return { kind: 'ok', participants };
}
