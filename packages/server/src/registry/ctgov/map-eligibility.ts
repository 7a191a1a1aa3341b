// Eligibility and endpoints of the draft: criteria split from the registry text, age/sex/healthy-volunteer
// limits, and outcomes as endpoints with a measure guessed from the title.
import type { CtgovStudy } from './ctgov-study.js';
import { mapSex } from './ctgov-vocabulary.js';
import type { DraftCriterion, DraftEligibility, DraftEndpoint, DraftMarks } from './draft-protocol.js';
import { guessMeasure } from './guess-measure.js';
import { splitEligibility } from './split-eligibility.js';

const AGE_PATTERN = /^(\d+)\s+(year|month|week|day|hour|minute)s?$/i;

/**
 * A registry age ("18 Years", "6 Months") in whole years: exact only (24 Months → 2); any other value is
 * kept as text with a TODO, so the draft fails until a person decides.
 */
function ageYears(
  age: string | undefined,
  key: 'minAgeYears' | 'maxAgeYears',
  marks: DraftMarks,
): number | string | undefined {
  if (age === undefined) {
    return undefined;
  }
  const match = AGE_PATTERN.exec(age.trim());
  const amount = Number(match?.[1]);
  const unit = match?.[2]?.toLowerCase();
  if (unit === 'year') {
    return amount;
  }
  if (unit === 'month' && amount % 12 === 0) {
    marks.note(['eligibility', key], `registry: ${age}`);
    return amount / 12;
  }
  marks.todo(['eligibility', key], `registry age '${age}' is not a whole number of years`);
  return age;
}

function criteria(study: CtgovStudy, marks: DraftMarks): DraftCriterion[] {
  const text = study.eligibility?.criteriaText;
  const split =
    text === undefined ? [] : splitEligibility(text, study.eligibility?.criteriaFormat ?? 'markdown');
  if (split.length === 0) {
    marks.todo(['eligibility', 'criteria'], 'the record has no eligibility criteria text: add the criteria');
    return [];
  }
  const counters = { inclusion: 0, exclusion: 0 };
  return split.map((item, index) => {
    counters[item.kind] += 1;
    const draft: DraftCriterion = {
      id: `${item.kind === 'inclusion' ? 'inc' : 'exc'}-${counters[item.kind]}`,
      kind: item.kind,
      text: item.text,
    };
    if (item.group !== undefined) {
      draft.note = `Listed under: ${item.group}`;
    }
    if (item.kindAssumed === true) {
      marks.note(
        ['eligibility', 'criteria', index, 'kind'],
        'the record names no section here: inclusion assumed',
      );
    }
    return draft;
  });
}

/** Maps the eligibility section. */
export function mapEligibility(study: CtgovStudy, marks: DraftMarks): DraftEligibility {
  const source = study.eligibility;
  const sex = mapSex(source?.sex);
  if (sex === undefined) {
    marks.todo(
      ['eligibility', 'sex'],
      source?.sex === undefined
        ? 'sex: not stated in the record'
        : `registry sex '${source.sex}' is not in the format`,
    );
  }
  if (source?.healthyVolunteers === undefined) {
    marks.todo(['eligibility', 'healthyVolunteers'], 'healthy volunteers: not stated in the record');
  }
  const draft: DraftEligibility = {
    minAgeYears: ageYears(source?.minimumAge, 'minAgeYears', marks),
    maxAgeYears: ageYears(source?.maximumAge, 'maxAgeYears', marks),
    sex: sex ?? source?.sex ?? null,
    healthyVolunteers: source?.healthyVolunteers ?? null,
    criteria: criteria(study, marks),
  };
  return draft;
}

const ENDPOINT_TYPES = { primary: 'primary', secondary: 'secondary', other: 'exploratory' } as const;

/** Maps the outcomes to endpoints (`primary-1`, `secondary-2`, `exploratory-1`…). */
export function mapEndpoints(study: CtgovStudy, marks: DraftMarks): DraftEndpoint[] {
  if (study.outcomes.length === 0) {
    marks.todo(['endpoints'], 'the record lists no outcome measures: define at least one endpoint');
  }
  const counters = { primary: 0, secondary: 0, exploratory: 0 };
  return study.outcomes.map((outcome, index) => {
    const type = ENDPOINT_TYPES[outcome.kind];
    counters[type] += 1;
    const guess = guessMeasure(outcome.measure);
    const path = ['endpoints', index];
    if (!guess.known) {
      const several = guess.candidates.length > 0 ? ` (the title names ${guess.candidates.join(', ')})` : '';
      marks.note([...path, 'measure'], `not a measure the platform knows${several}: check`);
    }
    if (outcome.timeFrame === undefined) {
      marks.todo([...path, 'timeFrame', 'text'], 'time frame: not stated in the record');
    }
    marks.todo([...path, 'analysis', 'method'], 'analysis method: not in the record');
    const draft: DraftEndpoint = {
      id: `${type}-${counters[type]}`,
      type,
      title: outcome.measure,
      measure: guess.measure,
      timeFrame: { text: outcome.timeFrame ?? null },
      analysis: { method: null },
    };
    if (outcome.description !== undefined) {
      draft.description = outcome.description;
    }
    return draft;
  });
}
