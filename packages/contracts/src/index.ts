export * from './errors/error-codes.js';
export * from './errors/error-body.schema.js';
export * from './common.schema.js';
export * from './auth/auth.schema.js';
export * from './users/user.schema.js';
export * from './studies/study.schema.js';
export * from './audit/audit.schema.js';
export * from './system/health.schema.js';
