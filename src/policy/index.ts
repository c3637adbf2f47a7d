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
  PolicySchema,
  type PolicyDocument,
  type PolicyLegalGround,
  type Localized,
  BREACH_DUTIES,
  type BreachDuty,
  type PolicyBreach,
  type PolicyBreachClause,
} from './policy-schema.ts';
export { policyAt, feeTotal, type PolicyAtView } from './policy-at.ts';
export { diffPolicy, formatDiff, type PolicyDiff } from './diff-policy.ts';
export {
  renderPolicy,
  escapeHtml,
  type PublishedDataset,
  type RenderOptions,
} from './render-policy.ts';
export { BUNDLED_POLICY_PATH } from './bundled-policy-path.ts';
export { parseIsoInstant } from './parse-iso-instant.ts';
export { policyJsonSchema } from './policy-json-schema.ts';
export { type PolicyChecklist, type PolicyRequestKind } from './policy-schema.ts';
export {
  isLegalObligationKind,
  isLegalRefusal,
  legalCategoryAllowed,
  legalGroundFor,
  withholdingOf,
  withholdingStatements,
  type LegalRefusal,
  type WithholdingStatement,
} from './legal-obligations.ts';
export {
  retentionOf,
  type ItemRetention,
  type RetentionFacts,
  type RetentionHold,
  type RetentionItem,
  type RetentionKeep,
  type RetentionService,
} from './retention-of.ts';
