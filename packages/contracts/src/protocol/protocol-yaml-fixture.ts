// A small valid protocol as YAML text, for parser tests (line numbers are asserted against this text).

/** Valid single-arm protocol YAML; each test edits a copy with string replacement. */
export function protocolFixtureYaml(): string {
  return `formatVersion: 1
id: fixture
title: Fixture study
registryIds: [NCT00000001]
phases: [phase-1]
sponsor: { name: Sponsor }
conditions: [Amyotrophic Lateral Sclerosis]
sites:
  - { code: S1, name: Site one, country: Nowhere }
design:
  allocation: not-applicable
  model: single-group
  purpose: treatment
  masking: { level: none, masked: [] }
  plannedEnrollment: 20
  arms:
    - { id: a, name: Active, type: experimental }
interventions:
  - id: drug
    name: Drug
    type: biological
    role: investigational
    route: intrathecal
    dose: { kind: per-kg, amountPerKg: 1.0e+6, unit: cells, weight: dosing-visit }
administrations:
  - arm: a
    doses:
      - { visit: d1, intervention: drug }
      - { visit: d2, intervention: drug }
studyDay: { anchor: first-dose, numbering: day-0 }
epochs:
  - { id: screening, name: Screening, kind: screening }
  - { id: treatment, name: Treatment, kind: treatment }
procedures: []
forms:
  - { id: vital-signs, name: Vital signs }
visits:
  - id: scr
    name: Screening
    epoch: screening
    anchor: consent
    offsetDays: 0
    window: { before: 0, after: 7 }
    forms: [vital-signs]
  - id: d1
    name: Dose 1
    epoch: treatment
    anchor: { visit: scr }
    offsetDays: 28
    window: { before: 3, after: 3 }
  - id: d2
    name: Dose 2
    epoch: treatment
    anchor: previous-dose
    offsetDays: 28
    window: { before: 3, after: 3 } # d2
  - id: eos
    name: End of study
    epoch: treatment
    anchor: last-dose
    offsetDays: 91
    window: { before: 7, after: 7 }
eligibility:
  sex: all
  healthyVolunteers: false
  criteria:
    - { id: inc-1, kind: inclusion, text: Adult }
endpoints:
  - id: ae
    type: primary
    title: Adverse events
    measure: adverse-events
    timeFrame: { text: To the end of study }
    analysis: { method: incidence }
safety: { ctcaeVersion: v5.0, aeGradeThreshold: 1 }
`;
}
