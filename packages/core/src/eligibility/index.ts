export * from './screening-record.js';
export * from './rule-vocabulary.js';
export * from './rule-ast.js';
export { tokenizeRule, type RuleToken, type RuleLexError } from './rule-lexer.js';
export { parseRule, type ParseRuleResult, type RuleSyntaxError } from './rule-parser.js';
export * from './rule-checker.js';
export {
  RULE_VARIABLES,
  PROGRESSION_MEASURES,
  alsfrsRTotal,
  type RuleVariable,
  type RuleValueType,
  type RuleValue,
} from './variable-catalogue.js';
export * from './three-valued.js';
export { ageInYears, completedYears, elapsedYears, elapsedTime } from './elapsed-time.js';
export { alsfrsRProgressionRate, type ProgressionRateResult } from './progression-rate.js';
export { evaluateRule, type RuleOutcome } from './evaluate-rule.js';
export * from './evaluate-eligibility.js';
