// Adverse events of a synthetic participant in a date window: background events of the disease (a Poisson process),
// events after each dose by route (intrathecal: headache and back pain; intravenous: infusion reactions; intranasal:
// nasal symptoms) and after each study procedure (site pain, bruising), plus the fatal or life-threatening event of
// a death or tracheostomy. Terms are CTCAE v5.0 terms; vocabularies follow the AE record (relatedness, outcome,
// seriousness as in ICH E2A). Rates and shares are ASSUMED for demonstration (docs/demo-data.md).
import { addDaysToIsoDate, daysBetweenIsoDates, PROTOCOL_DAYS_PER_MONTH } from '../protocol/iso-date.js';
import { randomInt, type Rng } from '../random/rng.js';
import { followUpEnd } from './demo-con-meds.js';
import { chance, demoRng, logNormal, poisson, weightedChoice } from './demo-random.js';
import type { DemoParticipant } from './demo-types.js';

export const DEMO_RELATEDNESS = ['not-related', 'unlikely', 'possible', 'probable', 'definite'] as const;
export type DemoRelatedness = (typeof DEMO_RELATEDNESS)[number];

/** An adverse event in the shape of the AE record (safety/validate-adverse-event.ts `AdverseEventInput`). */
export interface DemoAdverseEvent {
  /** Verbatim term: the CTCAE v5.0 term itself. */
  readonly term: string;
  readonly ctcaeTerm: string;
  readonly onsetDate: string;
  readonly resolutionDate: string | null;
  readonly ongoing: boolean;
  readonly grade: 1 | 2 | 3 | 4 | 5;
  readonly serious: boolean;
  readonly seriousness: readonly (
    'death' | 'life-threatening' | 'hospitalisation' | 'important-medical-event'
  )[];
  /** Causality to the product and to each study procedure passed in (keyed by procedure id). */
  readonly relatedness: {
    readonly product: DemoRelatedness;
    readonly procedures: Readonly<Record<string, DemoRelatedness>>;
  };
  /** Expectedness is left to the investigator (null = not assessed). */
  readonly expected: null;
  readonly actionTaken: 'none' | 'dose-delayed' | 'not-applicable';
  readonly outcome: 'recovered' | 'recovering' | 'not-recovered' | 'recovered-with-sequelae' | 'fatal';
  /** Date the site learnt that the event is serious (serious events only). */
  readonly awarenessDate: string | null;
}

export interface DemoAdverseEventOptions {
  /** First and last day of the window (inclusive), e.g. from the previous visit to this one. */
  readonly fromDate: string;
  readonly toDate: string;
  /** Administrations in the window: date and route of the investigational product (or placebo). */
  readonly doses?: readonly { readonly date: string; readonly route: string }[];
  /** Study procedures in the window (protocol procedure ids, e.g. bone-marrow-aspiration). */
  readonly procedures?: readonly { readonly id: string; readonly date: string }[];
  /** Every procedure the participant had before the window: each event states its causality to all of them. */
  readonly earlierProcedures?: readonly string[];
}

type TermTable = readonly (readonly [string, number])[];

/** Background events per month and their terms. */
const BACKGROUND: Readonly<Record<DemoParticipant['disease'], { perMonth: number; terms: TermTable }>> = {
  ALS: {
    perMonth: 0.35,
    terms: [
      ['Fall', 3],
      ['Constipation', 2],
      ['Upper respiratory infection', 2],
      ['Insomnia', 1.5],
      ['Fatigue', 1.5],
      ['Pain in extremity', 1.5],
      ['Urinary tract infection', 1],
      ['Depression', 1],
      ['Anxiety', 1],
      ['Back pain', 1],
      ['Arthralgia', 1],
      ['Headache', 1],
      ['Nausea', 0.8],
      ['Diarrhea', 0.6],
      ['Dizziness', 0.6],
      ['Bruising', 0.5],
    ],
  },
  MS: {
    perMonth: 0.25,
    terms: [
      ['Urinary tract infection', 3],
      ['Fatigue', 2],
      ['Upper respiratory infection', 2],
      ['Fall', 1.5],
      ['Headache', 1],
      ['Depression', 1],
      ['Paresthesia', 1],
      ['Back pain', 1],
      ['Constipation', 1],
      ['Insomnia', 1],
      ['Arthralgia', 0.8],
    ],
  },
};

/** Chance of each term after one administration, by route (Mayo phase 1: low back / radicular pain, clinical.md §5.3). */
const AFTER_DOSE: Readonly<Record<string, TermTable>> = {
  intrathecal: [
    ['Headache', 0.35],
    ['Back pain', 0.25],
    ['Fever', 0.1],
    ['Neck pain', 0.05],
    ['Radiculitis', 0.05],
    ['Nausea', 0.05],
  ],
  intravenous: [
    ['Infusion related reaction', 0.08],
    ['Fever', 0.08],
    ['Headache', 0.1],
    ['Fatigue', 0.06],
    ['Chills', 0.04],
  ],
  intranasal: [
    ['Nasal congestion', 0.1],
    ['Sneezing', 0.06],
    ['Epistaxis', 0.03],
    ['Headache', 0.05],
  ],
  other: [
    ['Headache', 0.05],
    ['Fatigue', 0.05],
  ],
};

/** Chance of each term after a procedure, by what the procedure id names. */
function afterProcedure(id: string): TermTable {
  if (/marrow/.test(id)) {
    return [
      ['Pain', 0.3],
      ['Bruising', 0.1],
      ['Hematoma', 0.03],
    ];
  }
  if (/adipose|fat|lipo/.test(id)) {
    return [
      ['Pain', 0.35],
      ['Bruising', 0.2],
      ['Hematoma', 0.05],
      ['Wound infection', 0.02],
    ];
  }
  if (/lumbar/.test(id)) {
    return [
      ['Headache', 0.25],
      ['Back pain', 0.2],
    ];
  }
  return [['Pain', 0.15]];
}

function earliest(a: string, b: string): string {
  return a < b ? a : b;
}

type Cause = { kind: 'background' } | { kind: 'dose' } | { kind: 'procedure'; id: string };

function relatedness(
  rng: Rng,
  cause: Cause,
  procedureIds: readonly string[],
): DemoAdverseEvent['relatedness'] {
  const unrelated = (): DemoRelatedness =>
    weightedChoice<DemoRelatedness>(rng, [
      ['not-related', 0.75],
      ['unlikely', 0.25],
    ]);
  const related = (): DemoRelatedness =>
    weightedChoice<DemoRelatedness>(rng, [
      ['unlikely', 0.1],
      ['possible', 0.45],
      ['probable', 0.4],
      ['definite', 0.05],
    ]);
  const procedures: Record<string, DemoRelatedness> = {};
  for (const id of procedureIds) {
    procedures[id] = cause.kind === 'procedure' && cause.id === id ? related() : unrelated();
  }
  const product =
    cause.kind === 'dose'
      ? related()
      : weightedChoice<DemoRelatedness>(rng, [
          ['not-related', 0.7],
          ['unlikely', 0.25],
          ['possible', 0.05],
        ]);
  return { product, procedures };
}

interface EventContext {
  /** Statuses are as of this date (the end of follow-up so far). */
  readonly statusDate: string;
  readonly enrollmentDate: string;
  readonly procedureIds: readonly string[];
}

function actionTaken(
  onsetDate: string,
  context: EventContext,
  severeAndRelated: boolean,
): DemoAdverseEvent['actionTaken'] {
  if (onsetDate < context.enrollmentDate) {
    return 'not-applicable';
  }
  return severeAndRelated ? 'dose-delayed' : 'none';
}

function event(
  rng: Rng,
  input: { term: string; onsetDate: string; cause: Cause; context: EventContext },
): DemoAdverseEvent {
  const grade = weightedChoice<1 | 2 | 3>(
    rng,
    input.cause.kind === 'background'
      ? [
          [1, 0.7],
          [2, 0.25],
          [3, 0.05],
        ]
      : [
          [1, 0.65],
          [2, 0.3],
          [3, 0.05],
        ],
  );
  const serious = grade === 3 && chance(rng, 0.4);
  const medianDays = input.cause.kind === 'background' ? 7 : 3;
  const resolution = addDaysToIsoDate(
    input.onsetDate,
    Math.max(1, Math.round(logNormal(rng, medianDays, 0.7))),
  );
  const resolved = resolution <= input.context.statusDate;
  const link = relatedness(rng, input.cause, input.context.procedureIds);
  const productRelated = ['possible', 'probable', 'definite'].includes(link.product);
  const awareness = addDaysToIsoDate(input.onsetDate, randomInt(rng, 0, 2));
  return {
    term: input.term,
    ctcaeTerm: input.term,
    onsetDate: input.onsetDate,
    resolutionDate: resolved ? resolution : null,
    ongoing: !resolved,
    grade,
    serious,
    seriousness: serious ? ['hospitalisation'] : [],
    relatedness: link,
    expected: null,
    actionTaken: actionTaken(input.onsetDate, input.context, grade === 3 && productRelated),
    outcome: resolved
      ? 'recovered'
      : weightedChoice(rng, [
          ['recovering', 0.6],
          ['not-recovered', 0.4],
        ] as const),
    awarenessDate: serious ? earliest(awareness, input.context.statusDate) : null,
  };
}

function terminalEvent(
  participant: DemoParticipant,
  procedureIds: readonly string[],
): DemoAdverseEvent | undefined {
  const { outcome } = participant;
  if (outcome.kind !== 'died' && outcome.kind !== 'tracheostomy') {
    return undefined;
  }
  const procedures = Object.fromEntries(procedureIds.map((id) => [id, 'not-related' as const]));
  const died = outcome.kind === 'died';
  const term = participant.disease === 'ALS' ? 'Respiratory failure' : 'Death NOS';
  return {
    term,
    ctcaeTerm: term,
    onsetDate: outcome.date,
    resolutionDate: null,
    ongoing: !died,
    grade: died ? 5 : 4,
    serious: true,
    seriousness: died ? ['death'] : ['life-threatening', 'hospitalisation'],
    relatedness: { product: 'not-related', procedures },
    expected: null,
    actionTaken: 'not-applicable',
    outcome: died ? 'fatal' : 'not-recovered',
    awarenessDate: outcome.date,
  };
}

/** Adverse events with onset in [fromDate, toDate] (nothing after the outcome date or `asOfDate`), by onset date. */
export function generateDemoAdverseEvents(
  participant: DemoParticipant,
  options: DemoAdverseEventOptions,
): DemoAdverseEvent[] {
  const end = earliest(options.toDate, followUpEnd(participant));
  if (participant.screenFailure || end < options.fromDate) {
    return [];
  }
  const doses = (options.doses ?? []).filter((dose) => dose.date >= options.fromDate && dose.date <= end);
  const procedures = (options.procedures ?? []).filter((p) => p.date >= options.fromDate && p.date <= end);
  const rng = demoRng(
    participant.seed,
    'adverse-events',
    options.fromDate,
    options.toDate,
    ...doses.map((d) => d.date),
  );
  const procedureIds = [...new Set([...(options.earlierProcedures ?? []), ...procedures.map((p) => p.id)])];
  const context: EventContext = {
    statusDate: followUpEnd(participant),
    enrollmentDate: participant.plannedEnrollmentDate,
    procedureIds,
  };
  const events: DemoAdverseEvent[] = [];
  const add = (term: string, onsetDate: string, cause: Cause): void => {
    if (onsetDate <= end) {
      events.push(event(rng, { term, onsetDate, cause, context }));
    }
  };
  const span = daysBetweenIsoDates(options.fromDate, end);
  const background = BACKGROUND[participant.disease];
  const count = poisson(rng, background.perMonth * ((span + 1) / PROTOCOL_DAYS_PER_MONTH));
  for (let i = 0; i < count; i++) {
    add(weightedChoice(rng, background.terms), addDaysToIsoDate(options.fromDate, randomInt(rng, 0, span)), {
      kind: 'background',
    });
  }
  for (const dose of doses) {
    for (const [term, probability] of AFTER_DOSE[dose.route] ?? AFTER_DOSE.other ?? []) {
      if (chance(rng, probability)) {
        add(term, addDaysToIsoDate(dose.date, randomInt(rng, 0, 2)), { kind: 'dose' });
      }
    }
  }
  for (const procedure of procedures) {
    for (const [term, probability] of afterProcedure(procedure.id)) {
      if (chance(rng, probability)) {
        add(term, addDaysToIsoDate(procedure.date, randomInt(rng, 0, 1)), {
          kind: 'procedure',
          id: procedure.id,
        });
      }
    }
  }
  const terminal = terminalEvent(participant, procedureIds);
  if (
    terminal !== undefined &&
    terminal.onsetDate >= options.fromDate &&
    terminal.onsetDate <= options.toDate
  ) {
    events.push(terminal);
  }
  return events.sort((a, b) => a.onsetDate.localeCompare(b.onsetDate));
}
