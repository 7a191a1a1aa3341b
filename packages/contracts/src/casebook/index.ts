export * from './form-record.schema.js';
export * from './casebook.schema.js';
export * from './data-query.schema.js';
export * from './lab-range.schema.js';
