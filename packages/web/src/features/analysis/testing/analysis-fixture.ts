import type { AnalysisResponse } from '@celltrial/contracts';

export const ANALYSIS_STUDY_ID = '11111111-1111-4111-8111-111111111111';

const obs = (subject: string, synthetic: boolean, values: number[]) =>
  [-6, -3, 0, 1.5, 3].map((months, k) => ({
    subject,
    synthetic,
    arm: null,
    measure: 'alsfrs-r' as const,
    visitKey: ['scr', 'run-in-m3', 'inj-1', 'interim', 'inj-2'][k] ?? 'x',
    date: '2025-01-01',
    months,
    value: values[k] ?? 0,
  }));

/** A small blinded run-in analysis as the server sends it (values hand-made, not computed). */
export function runInAnalysisFixture(): AnalysisResponse {
  return {
    dataset: {
      studyId: ANALYSIS_STUDY_ID,
      blinded: true,
      arms: [],
      status: {
        source: 'current',
        lockedAt: null,
        lockReason: null,
        dataCutDate: '2026-01-05',
        lastDataDate: '2025-09-30',
        generatedAt: '2026-01-05T09:00:00.000Z',
      },
      splitVisit: 'inj-1',
      participants: ['S-001', 'S-002'].map((subject, i) => ({
        subject,
        synthetic: i === 0,
        arm: null,
        originDate: '2025-07-01',
        origin: 'split' as const,
        survival: {
          months: 3 + i,
          event: i === 1,
          eventType: i === 1 ? ('death' as const) : null,
          endDate: '2025-10-01',
        },
      })),
      observations: [
        ...obs('S-001', true, [44, 42, 40, 40, 39]),
        ...obs('S-002', false, [40, 37, 35, 34, 34]),
      ],
      syntheticParticipants: 1,
      messages: [{ level: 'warning', text: 'Current data, not locked: the numbers can change.' }],
    },
    software: { version: '0.1.0', commit: 'abcdef1234567' },
    endpoints: [
      {
        endpointId: 'alsfrs-r-slope',
        title: 'ALSFRS-R progression rate',
        endpointType: 'secondary',
        measure: 'alsfrs-r',
        method: 'slope-comparison',
        methodsText: 'Run-in versus treatment slopes (docs/methods/progression-slopes.md).',
        messages: [{ level: 'warning', text: '1 participant(s) not in the slope comparison: S-003' }],
        result: {
          kind: 'run-in-treatment',
          splitVisit: 'inj-1',
          subjects: [
            {
              subject: 'S-001',
              synthetic: true,
              arm: null,
              slopeRunIn: -0.667,
              interceptRunIn: 40,
              slopeTreatment: -0.333,
              interceptTreatment: 40,
              change: 0.333,
              nRunIn: 3,
              nTreatment: 3,
              relativeImprovement: 0.5,
            },
            {
              subject: 'S-002',
              synthetic: false,
              arm: null,
              slopeRunIn: -0.833,
              interceptRunIn: 35,
              slopeTreatment: -0.333,
              interceptTreatment: 35,
              change: 0.5,
              nRunIn: 3,
              nTreatment: 3,
              relativeImprovement: 0.6,
            },
          ],
          summary: {
            nSubjects: 2,
            meanSlopeRunIn: -0.75,
            meanSlopeTreatment: -0.333,
            meanChange: 0.4167,
            tTest: {
              n: 2,
              meanDifference: 0.4167,
              sdDifference: 0.118,
              t: 5,
              df: 1,
              p: 0.1257,
              ci95: [-0.64, 1.47],
            },
            wilcoxon: { n: 2, nZero: 0, v: 3, z: 1.34, p: 0.18 },
            improved25: 1,
            nImproved25: 2,
            nEvaluable25: 2,
          },
          piecewise: null,
          regressionToTheMeanNote: 'Uncontrolled comparison: regression to the mean.',
        },
      },
      {
        endpointId: 'safety-ae',
        title: 'Safety',
        endpointType: 'primary',
        measure: 'adverse-events',
        method: 'incidence',
        methodsText: 'See the Safety page.',
        messages: [{ level: 'info', text: 'safety endpoint: see the adverse-event table' }],
        result: { kind: 'none' },
      },
    ],
    meanTrajectories: [-6, -3, 0, 1.5, 3].map((m, k) => ({
      measure: 'alsfrs-r' as const,
      group: 'all',
      visitKey: `v${k}`,
      meanMonths: m,
      n: 2,
      mean: 42 - k * 2,
      sd: 2,
      lower95: 30 - k,
      upper95: 50 - k,
    })),
    survival: {
      groups: [
        {
          group: 'all',
          n: 2,
          events: 1,
          median: { estimate: null, lower: null, upper: null },
          steps: [
            { time: 3, nRisk: 2, nEvent: 0, nCensor: 1, survival: 1, lower: null, upper: null },
            { time: 4, nRisk: 1, nEvent: 1, nCensor: 0, survival: 0, lower: null, upper: null },
          ],
        },
      ],
      logRank: null,
      cox: null,
      methodsText: 'Kaplan–Meier (docs/methods/survival.md).',
      messages: [],
    },
    encals: null,
  };
}
