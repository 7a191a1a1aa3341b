// Parameters of the synthetic-data models, with where each comes from (docs/demo-data.md has the table).
// "clinical.md" = /shared/reference/clinical.md of the project. ASSUMED = our choice for plausible demo data, not
// a published figure.

/** ALSFRS-R (clinical.md §1.1 items, §5.1–5.2 PRO-ACT figures). */
export const DEMO_ALSFRS = {
  /** Latent total at screening, mean ± SD (the brief's 38 ± 5; Mayo phase 2 enrolled at a mean 37, clinical.md §5.3). */
  totalMean: 38,
  totalSd: 5,
  /** Slope, points/month: PRO-ACT mean post-slope −0.99 to −1.02 (clinical.md §5.1); between-patient SD ≈ 0.65 (§5.2). */
  slopeMean: -1.0,
  slopeSd: 0.65,
  /** Visit noise SD around the linear course: 1.5 points (clinical.md §5.2, residual SD ≈ 1.5–2, marked [U]). */
  visitNoiseSd: 1.5,
} as const;

/**
 * Relative weight of each item (1–12) in the order points are lost, by onset region. ASSUMED: the onset domain
 * declines first; the respiratory items least (clinical.md §5.1: "respiratory subscore declines least").
 */
export const DEMO_ALSFRS_ITEM_WEIGHTS = {
  bulbar: [3, 3, 3, 1, 1, 1, 1, 1, 1, 0.4, 0.4, 0.4],
  'upper-limb': [0.7, 0.7, 0.7, 3, 3, 3, 1.2, 1.2, 1.2, 0.4, 0.4, 0.4],
  'lower-limb': [0.7, 0.7, 0.7, 1.2, 1.2, 1.2, 3, 3, 3, 0.4, 0.4, 0.4],
} as const;

/** FVC % predicted (clinical.md §2.1 Hankinson equations, §5.1–5.2 PRO-ACT decline). */
export const DEMO_FVC = {
  /** Baseline % predicted, mean ± SD (the brief's 80 ± 15). */
  baselineMean: 80,
  baselineSd: 15,
  /** PRO-ACT decline −2.24 %pred/month (clinical.md §5.1). */
  slopeMean: -2.2,
  /**
   * Between-patient SD of the slope. PRO-ACT reports SD 6.9, but that SD (like its 2.3 for ALSFRS-R) describes
   * noisy per-patient estimates; scaled by the ALSFRS-R ratio 0.65 / 2.3 it would be ≈ 2.0 %pred/month. We use
   * 1.5 so that a linear course rarely reaches respiratory failure within a year of a normal baseline. ASSUMED.
   */
  slopeSd: 1.5,
  /** Correlation of the FVC slope with the ALSFRS-R slope. ASSUMED. */
  slopeCorrelation: 0.5,
  /** Visit noise SD, %pred (≈ 5 % test–retest variation of FVC). ASSUMED. */
  visitNoiseSd: 4,
  /** SVC minus FVC, %pred, mean ± SD (SVC is usually a little larger). ASSUMED. */
  svcOffsetMean: 2,
  svcOffsetSd: 3,
  /** FEV1/FVC ratio SD around the Hankinson predicted ratio (the brief: FEV1/FVC ≈ 0.8). */
  ratioSd: 0.04,
  /** MS: normal lungs, stable. ASSUMED. */
  msBaselineMean: 95,
  msBaselineSd: 12,
} as const;

/** EDSS (clinical.md §3; the SPMS seed trial NCT06360861). */
export const DEMO_EDSS = {
  /** Baseline EDSS steps and weights for progressive MS (the brief: 3–6.5; MSC-NP phase 2 enrolled EDSS 3.0–6.5, clinical.md §5.3). */
  progressiveBaseline: [
    [3, 0.08],
    [3.5, 0.1],
    [4, 0.14],
    [4.5, 0.12],
    [5, 0.1],
    [5.5, 0.1],
    [6, 0.22],
    [6.5, 0.14],
  ] as const,
  relapsingBaseline: [
    [2, 0.25],
    [2.5, 0.25],
    [3, 0.2],
    [3.5, 0.15],
    [4, 0.15],
  ] as const,
  /** Change per year, mean ± SD (slow progression). ASSUMED. */
  progressiveChangeMean: 0.25,
  relapsingChangeMean: 0.1,
  changeSd: 0.2,
  /** Visit-to-visit rater noise, SD in EDSS points before snapping to a step. ASSUMED. */
  visitNoiseSd: 0.2,
} as const;

/** Follow-up events. */
export const DEMO_EVENTS = {
  /** Withdrawal: 10 % per year (the brief), as a constant hazard. */
  withdrawalPerYear: 0.1,
  /**
   * ALS death hazard per month at the mean slope, besides respiratory failure (below): ~2 %/year. Together they give
   * roughly 5–10 % deaths or tracheostomies in the first year of an unselected cohort (trial cohorts are early and
   * selected; median survival from onset is 3–5 years, clinical.md §5.2). ASSUMED calibration.
   */
  alsDeathPerMonth: 0.001,
  /** Tracheostomy (invasive ventilation) hazard per month at the mean slope. ASSUMED. */
  alsTracheostomyPerMonth: 0.0004,
  /** Log hazard ratio per SD of faster ALSFRS-R decline. ASSUMED. */
  alsSlopeLogHazardPerSd: 0.7,
  /** Latent FVC % predicted at which respiratory failure (death or tracheostomy) occurs in ALS. ASSUMED. */
  respiratoryFailureFvcPercent: 15,
  /** Share of respiratory failures that are deaths (the rest: tracheostomy and invasive ventilation). ASSUMED. */
  respiratoryFailureDeathShare: 0.7,
  /** MS death hazard per month (≈ 0.2 %/year). ASSUMED. */
  msDeathPerMonth: 0.00017,
} as const;

/** Screen failures: default share when the caller does not say. */
export const DEMO_DEFAULT_SCREEN_FAILURE_RATE = 0.1;

/** Candidates drawn per participant before the protocol is declared unreachable. */
export const DEMO_MAX_ATTEMPTS = 400;
