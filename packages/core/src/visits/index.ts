export * from './casebook-calendar-types.js';
export * from './compute-casebook-calendar.js';
export { casebookVisitStatus, checkVisitDate, daysOutsideWindow } from './visit-status.js';
export type {
  VisitDateCheck,
  VisitDateCheckOptions,
  VisitStatusFacts,
  VisitWindowDates,
} from './visit-status.js';
