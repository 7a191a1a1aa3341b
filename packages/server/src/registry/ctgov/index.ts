export * from './ctgov-study.js';
export * from './draft-protocol.js';
export * from './import-ctgov.js';
export * from './map-draft-protocol.js';
export * from './parse-ctgov-json.js';
export * from './parse-ctgov-xml.js';
export * from './render-draft-yaml.js';
export * from './split-eligibility.js';
