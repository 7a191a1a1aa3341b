export * from './protocol-common.schema.js';
export * from './protocol-identity.schema.js';
export * from './protocol-design.schema.js';
export * from './protocol-intervention.schema.js';
export * from './protocol-endpoint.schema.js';
export * from './protocol-visit.schema.js';
export * from './protocol.schema.js';
export * from './parse-protocol-yaml.js';
export { formatDocumentPath } from './yaml-locate.js';
