export * from './lab-units.js';
export * from './molar-masses.js';
export * from './lab-catalogue.js';
export {
  convertLabValue,
  formatLabValue,
  absoluteCountFromPercent,
  type LabConversionResult,
} from './lab-conversion.js';
export * from './reference-ranges.js';
export * from './calcium-correction.js';
export {
  CTCAE_LAB_TERMS,
  type CtcaeVersion,
  type CtcaeLabTerm,
  type CtcaeGrade,
  type LabDerivedGrade,
  type LabReferencePoint,
  type LabThresholdReference,
  type LabComparator,
  type LabGradingStep,
  type CtcaeGradeTexts,
  type AbnormalBaselineRule,
  type CtcaeLabRule,
} from './ctcae-terms.js';
export { CTCAE_LAB_RULES, findCtcaeLabRules } from './ctcae-rules.js';
export {
  LAB_GRADING_CONVENTIONS,
  MISSING_BASELINE_POLICIES,
  type LabGradingConvention,
  type MissingBaselinePolicy,
  type GradeLabValueInput,
} from './ctcae-grading-input.js';
export * from './ctcae-grading.js';
export * from './ae-proposal.js';
