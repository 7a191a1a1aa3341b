// A small, valid, masked two-arm protocol used by the core protocol tests (each test mutates a copy).
import type { Protocol } from './protocol-types.js';

/**
 * Timeline (days after consent): scr 0, bx 14 (biopsy), d1 = bx + 14 = 28 (first dose), d2 = d1 + 28 = 56,
 * fu = d1 + 56 and d1 + 84 (repeating), eos = last dose + 91 = 147; uns is unscheduled.
 */
export function protocolFixture(): Protocol {
  return {
    formatVersion: 1,
    id: 'fixture',
    title: 'Fixture study',
    registryIds: ['NCT00000001'],
    phases: ['phase-1', 'phase-2'],
    sponsor: { name: 'Sponsor' },
    conditions: ['Amyotrophic Lateral Sclerosis'],
    sites: [{ code: 'S1', name: 'Site one', country: 'Nowhere' }],
    design: {
      allocation: 'randomized',
      model: 'parallel',
      purpose: 'treatment',
      masking: { level: 'double', masked: ['participant', 'investigator'] },
      plannedEnrollment: 20,
      arms: [
        { id: 'a', name: 'Active', type: 'experimental', plannedSize: 10 },
        { id: 'b', name: 'Placebo', type: 'placebo-comparator', plannedSize: 10 },
      ],
      randomization: {
        ratio: { a: 1, b: 1 },
        method: { kind: 'permuted-blocks', blockSizes: [2, 4] },
        strata: [{ id: 'site' }],
      },
    },
    interventions: [
      {
        id: 'drug',
        name: 'Drug',
        type: 'biological',
        role: 'investigational',
        route: 'intrathecal',
        dose: { kind: 'by-level' },
        volume: { minMl: 5, maxMl: 10 },
        doseLevels: [
          { id: 'l1', name: 'Low', amount: 1e7, unit: 'cells' },
          { id: 'l2', name: 'Mid', amount: 5e7, unit: 'cells' },
          { id: 'l3', name: 'High', amount: 1e8, unit: 'cells' },
        ],
        startingLevel: 'l2',
        doseModification: {
          evaluatedBefore: 'each-dose-after-first',
          rules: [
            {
              id: 'down',
              text: 'Down after grade 3',
              when: [{ kind: 'related-adverse-event', minGrade: 3, since: 'previous-dose' }],
              then: { kind: 'set', level: 'l1' },
            },
          ],
        },
      },
      { id: 'placebo', name: 'Placebo', type: 'other', role: 'placebo', route: 'intrathecal' },
    ],
    administrations: [
      {
        arm: 'a',
        doses: [
          { visit: 'd1', intervention: 'drug' },
          { visit: 'd2', intervention: 'drug' },
        ],
      },
      {
        arm: 'b',
        doses: [
          { visit: 'd1', intervention: 'placebo' },
          { visit: 'd2', intervention: 'placebo' },
        ],
      },
    ],
    studyDay: { anchor: 'first-dose', numbering: 'day-0' },
    epochs: [
      { id: 'screening', name: 'Screening', kind: 'screening' },
      { id: 'treatment', name: 'Treatment', kind: 'treatment' },
      { id: 'follow-up', name: 'Follow-up', kind: 'follow-up' },
    ],
    procedures: [{ id: 'biopsy', name: 'Biopsy', form: 'procedure-bma' }],
    forms: [
      { id: 'vital-signs', name: 'Vital signs' },
      { id: 'procedure-bma', name: 'Biopsy record' },
      { id: 'adverse-events', name: 'Adverse events' },
    ],
    visits: [
      {
        id: 'scr',
        name: 'Screening',
        epoch: 'screening',
        anchor: 'consent',
        offsetDays: 0,
        window: { before: 0, after: 7 },
        events: ['screening', 'enrollment', 'randomization'],
        forms: ['vital-signs'],
      },
      {
        id: 'bx',
        name: 'Biopsy',
        epoch: 'screening',
        anchor: { visit: 'scr' },
        offsetDays: 14,
        window: { before: 2, after: 2 },
        procedures: ['biopsy'],
      },
      {
        id: 'd1',
        name: 'Dose 1',
        epoch: 'treatment',
        anchor: { procedure: 'biopsy' },
        offsetDays: 14,
        window: { before: 3, after: 3 },
        forms: ['vital-signs', 'adverse-events'],
      },
      {
        id: 'd2',
        name: 'Dose 2',
        epoch: 'treatment',
        anchor: 'previous-dose',
        offsetDays: 28,
        window: { before: 3, after: 3 },
        forms: ['adverse-events'],
      },
      {
        id: 'fu',
        name: 'Follow-up',
        epoch: 'follow-up',
        anchor: 'first-dose',
        offsetDays: 56,
        repeat: { everyDays: 28, count: 2 },
        window: { before: 3, after: 3 },
        forms: ['vital-signs', 'adverse-events'],
      },
      {
        id: 'eos',
        name: 'End of study',
        epoch: 'follow-up',
        anchor: 'last-dose',
        offsetDays: 91,
        window: { before: 7, after: 7 },
        forms: ['vital-signs', 'adverse-events'],
      },
      { id: 'uns', name: 'Unscheduled', epoch: 'follow-up', unscheduled: true, forms: ['adverse-events'] },
    ],
    eligibility: {
      minAgeYears: 18,
      maxAgeYears: 75,
      sex: 'all',
      healthyVolunteers: false,
      criteria: [
        { id: 'inc-1', kind: 'inclusion', text: 'Adult' },
        { id: 'exc-1', kind: 'exclusion', text: 'Judgement', manual: true },
      ],
    },
    endpoints: [
      {
        id: 'ae',
        type: 'primary',
        title: 'Adverse events',
        measure: 'adverse-events',
        timeFrame: { text: 'To end of study', visits: ['eos'] },
        analysis: { method: 'incidence' },
      },
    ],
    safety: { ctcaeVersion: 'v5.0', aeGradeThreshold: 1 },
  };
}
