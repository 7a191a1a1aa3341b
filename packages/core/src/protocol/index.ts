export * from './protocol-vocabulary.js';
export * from './protocol-types.js';
export { PROTOCOL_RULES, type ProtocolRule } from './protocol-rules.js';
export * from './iso-date.js';
export { describeProtocolAnchor, PROTOCOL_MAX_REPEAT_OCCURRENCES } from './protocol-timeline.js';
export * from './validate-protocol.js';
export * from './compute-schedule.js';
export * from './protocol-summary.js';
