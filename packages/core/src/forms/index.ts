export * from './form-types.js';
export {
  FORM_TEXT_MAX_LENGTH,
  decimalPlaces,
  isAbsent,
  validateItemValue,
  type FormValueResult,
} from './form-values.js';
export { FORM_YEAR_RANGE } from './form-temporal.js';
export { canonicalJson } from './canonical-json.js';
export {
  conditionItems,
  describeCondition,
  evaluateCondition,
  type FormValueLookup,
} from './form-conditions.js';
export { evaluateFormEntry, formItems } from './evaluate-form.js';
export type { DerivationInput, DerivationOutput, FormDerivation } from './derivation-types.js';
export { FORM_DERIVATIONS, findFormDerivation } from './form-derivations.js';
export { BMI_ALGORITHM } from './derive-vital-signs.js';
export { LAB_FLAG_ALGORITHM, LAB_SI_ALGORITHM, ctcaeAlgorithm, labDerivedIds } from './derive-labs.js';
export {
  validateFormDefinition,
  type FormDefinitionProblem,
  type FormDefinitionValidation,
} from './validate-form-definition.js';
export { FORM_LIBRARY, closestFormDefinitionId, findFormDefinition } from './library/form-library.js';
export { REQUIRED_SAFETY_LABS, REQUIRED_SEROLOGY } from './library/lab-forms.js';
