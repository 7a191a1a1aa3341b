// Test-only: screening records for the seed protocol NCT04745299 (ALSUMMIT), in the shape of
// docs/screening-record.md. Never imported by the app.

/**
 * An eligible ALSUMMIT candidate at 2026-03-02: 50 years old, clinically definite ALS diagnosed a year ago,
 * ALSFRS-R 44 → 40 over 119 days (4 / (119 / 30.4375) = 1.023 points/month, inside 0.515–1.545), FVC 85 %,
 * riluzole for 200 days, normal laboratory values, negative serology, no catalogued condition, no prior cell
 * therapy, and both manual exclusions (exc-4, exc-13) answered "does not apply".
 */
export const ELIGIBLE_ALSUMMIT_RECORD = {
  assessmentDate: '2026-03-02',
  birthDate: '1975-12-01',
  sex: 'male',
  weightKg: 70,
  heightCm: 172,
  diagnosis: {
    condition: 'ALS',
    elEscorial: 'definite',
    familial: false,
    symptomOnsetDate: '2025-01-02',
    diagnosisDate: '2025-03-02',
  },
  alsfrsR: { total: 40 },
  alsfrsRHistory: [{ date: '2025-11-03', total: 44 }],
  fvcPercentPredicted: 85,
  labs: {
    hbsAg: 'negative',
    hcvAb: 'negative',
    hivAb: 'negative',
    syphilisAb: 'negative',
    cmvIgm: 'negative',
    ebvIgm: 'negative',
    hsvIgm: 'negative',
    creatinineMgDl: 0.8,
    altXUln: 0.6,
    astXUln: 0.7,
    bilirubinXUln: 0.5,
    ptXUln: 1,
    apttXUln: 1,
  },
  conditions: [],
  medications: [{ name: 'riluzole', startDate: '2025-08-14' }],
  priorCellTherapy: false,
  manualChecks: { 'exc-4': false, 'exc-13': false },
} as const satisfies Record<string, unknown>;

/** A mutable deep copy of the eligible record, to change a field in a test. */
export function eligibleRecord(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(ELIGIBLE_ALSUMMIT_RECORD)) as Record<string, unknown>;
}
