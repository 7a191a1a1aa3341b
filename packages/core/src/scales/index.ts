export type { ScaleProblem, ScaleResult } from './scale-result.js';
export * from './alsfrs-r-items.js';
export * from './alsfrs-r.js';
export * from './kings-stage.js';
export * from './mitos-stage.js';
export {
  DELTA_FRS_DAYS_PER_MONTH,
  deltaFrsFromDates,
  deltaFrsFromMonths,
  intervalSinceOnset,
  type DeltaFrs,
  type OnsetInterval,
} from './delta-frs.js';
export * from './spirometry-hankinson.js';
export * from './spirometry.js';
export * from './edss-rules.js';
export * from './edss.js';
export * from './units.js';
export * from './vital-signs.js';
export * from './spirometry-gli.js';
