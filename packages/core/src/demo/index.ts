export * from './demo-types.js';
export {
  generateDemoParticipants,
  type DemoGenerationOptions,
  type DemoGenerationResult,
} from './generate-demo-participants.js';
export {
  generateDemoFormValues,
  isDemoFormId,
  DEMO_FORM_IDS,
  type DemoFormId,
  type DemoFormOptions,
} from './generate-demo-form-values.js';
export type { DemoDoseContext } from './demo-dosing.js';
export { generateDemoConMeds, type DemoConMed } from './demo-con-meds.js';
export {
  generateDemoAdverseEvents,
  DEMO_RELATEDNESS,
  type DemoAdverseEvent,
  type DemoAdverseEventOptions,
  type DemoRelatedness,
} from './demo-adverse-events.js';
export { DEMO_LAB_PANEL, DEMO_LAB_REFERENCE_RANGES } from './demo-labs.js';
export {
  DEMO_ALSFRS,
  DEMO_FVC,
  DEMO_EDSS,
  DEMO_EVENTS,
  DEMO_DEFAULT_SCREEN_FAILURE_RATE,
} from './demo-parameters.js';
