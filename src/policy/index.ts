/** The policy core: pure; imports no slice, database, HTTP or driver. */
export { compileCondition, ConditionError, parseInstant } from './condition-language.ts';
export { checkPolicy, type PolicyProblem } from './check-policy.ts';
export { compilePolicy, type CompiledPolicy, type Reason } from './compile-policy.ts';
export { decide, decideBatch, versionIndexAt, type DecideOptions } from './decide.ts';
export {
  decisionRequestSchema,
  DecisionOutcomeSchema,
  isDecisionError,
  type DecisionError,
  type DecisionOutcome,
  type DecisionRequest,
  type DecisionResult,
} from './decision-request.ts';
export { FACTS, type DecisionFacts } from './decision-facts.ts';
export {
  formatProblem,
  loadPolicyFile,
  parsePolicy,
  PolicyLoadError,
  type LocatedProblem,
  type LoadResult,
} from './load-policy.ts';
export {
  BREACH_DUTIES,
  PolicySchema,
  type BreachDuty,
  type Localized,
  type PolicyBreach,
  type PolicyBreachClause,
  type PolicyDocument,
} from './policy-schema.ts';
export { policyAt, feeTotal, type PolicyAtView } from './policy-at.ts';
export { diffPolicy, formatDiff, type PolicyDiff } from './diff-policy.ts';
export { renderPolicy, escapeHtml, type RenderOptions } from './render-policy.ts';
