export * from './time/clock.js';
export * from './random/rng.js';
export * from './access/roles.js';
export * from './access/access-check.js';
export * from './scales/index.js';
export * from './stats/index.js';
export * from './protocol/index.js';
export * from './dose-escalation/index.js';
