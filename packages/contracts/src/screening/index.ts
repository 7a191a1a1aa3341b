export * from './screening-fields.schema.js';
export * from './screening-record.schema.js';
export { checkScreeningRecord, SCREENING_MAX_AGE_YEARS } from './screening-record-checks.js';
export * from './parse-screening-record.js';
