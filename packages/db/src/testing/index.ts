export * from './test-database.js';
export * from './unaudited-rows.js';
