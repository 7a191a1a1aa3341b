export * from './dose-calculation.js';
export * from './prepared-dose.js';
export { exactProduct, formatAmount } from './exact-decimal.js';
export type {
  DoseHistory,
  HistoryDose,
  HistoryAdverseEvent,
  HistoryDlt,
  HistoryMeasure,
} from './dose-conditions.js';
export * from './dose-modification.js';
