// Test-only: dose plan and dose record bodies (shapes from @celltrial/contracts). Never imported by the app.
import type { DosePlanView, DoseRecordView } from '@celltrial/contracts';
import { PARTICIPANT_ID, STUDY_ID } from '../../participants/testing/participant-fixtures.js';

export { PARTICIPANT_ID, STUDY_ID };

export const PARTICIPANT_BASE = `/api/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}`;
export const PREPARATION_ID = '00000000-0000-4000-8000-0000000004a1';

/**
 * NCT03268603-like second dose: level 5×10^7 lowered to 1×10^7 after a related grade 3 AE (docs/methods/dosing.md
 * worked example); a ±10 % tolerance is synthetic (the seed file gives none).
 */
export function openPlan(overrides: Partial<DosePlanView> = {}): DosePlanView {
  return {
    participantId: PARTICIPANT_ID,
    participantNumber: 'PNUYH-001',
    visitKey: 'v4',
    occurrence: 1,
    doseDate: '2026-04-06',
    kitCode: null,
    masked: false,
    arm: { id: 'aamsc', name: 'Mesenchymal Stromal Cells' },
    items: [
      {
        masked: false,
        interventionId: 'aamsc',
        interventionName: 'Autologous Adipose-derived Mesenchymal Stromal Cells',
        route: 'intrathecal',
        plannedLevel: 'dl-1e7',
        levelSource: 'modification',
        calculation: {
          kind: 'ok',
          amount: 10_000_000,
          unit: 'cells',
          perKg: null,
          weight: null,
          capped: false,
          doseLevel: 'dl-1e7',
          doseLevelName: '1×10^7 cells',
          tolerancePercent: 10,
          explanation: "fixed dose (level 'dl-1e7', 1×10^7 cells): 1×10^7 cells",
        },
        modification: {
          kind: 'decision',
          action: 'decrease',
          previousLevel: 'dl-5e7',
          nextLevel: 'dl-1e7',
          rule: {
            id: 'reduce-after-grade-3',
            text: 'Reduce one level after a related grade 3 AE',
            assumption: true,
          },
          reasons: ['Epistaxis grade 3 on 2026-02-15, related to the product (probable)'],
          notMet: [
            {
              rule: { id: 'stop-after-grade-4', text: 'Stop after grade 4', assumption: true },
              reasons: ['no AE of grade 4'],
            },
          ],
        },
        volume: { volumeMl: null, volumeRangeMl: { min: 5, max: 10 }, per: 'administration' },
      },
    ],
    preparations: 0,
    ...overrides,
  };
}

export function maskedPlan(): DosePlanView {
  return {
    ...openPlan(),
    kitCode: 'KIT-0042',
    masked: true,
    arm: null,
    items: [
      {
        masked: true,
        route: 'intrathecal',
        volume: { volumeMl: 3, volumeRangeMl: null, per: 'administration' },
      },
    ],
  };
}

export function doseRecord(overrides: Partial<DoseRecordView> = {}): DoseRecordView {
  return {
    id: PREPARATION_ID,
    participantId: PARTICIPANT_ID,
    visitKey: 'v4',
    occurrence: 1,
    doseDate: '2026-04-06',
    masked: false,
    kitCode: null,
    interventionId: 'aamsc',
    doseLevel: 'dl-1e7',
    calculatedAmount: 10_000_000,
    preparedAmount: 8_000_000,
    unit: 'cells',
    deviationPercent: -20,
    withinTolerance: false,
    deviationReason: 'Low viability; given after sponsor call',
    lot: 'LOT-7',
    weightKg: null,
    modificationReasons: null,
    volumeMl: 5,
    preparedBy: 'Test pharmacist',
    preparedAt: '2026-04-06T08:00:00.000Z',
    administration: null,
    ...overrides,
  };
}
