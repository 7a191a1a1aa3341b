export * from './sae.schema.js';
export * from './adverse-event.schema.js';
export * from './ae-proposal.schema.js';
export * from './safety-table.schema.js';
export * from './dosing.schema.js';
export * from './escalation.schema.js';
