export * from './lmm-model.js';
export * from './profiled-deviance.js';
export * from './nelder-mead.js';
export * from './fit-lmm.js';
export * from './growth-models.js';
export * from './deviance-q2.js';
