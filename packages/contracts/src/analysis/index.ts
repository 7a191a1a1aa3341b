export * from './analysis-results.schema.js';
export * from './analysis.schema.js';
