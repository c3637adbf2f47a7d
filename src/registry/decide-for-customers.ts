import type { Kysely } from 'kysely';
import type { RegistryDeps } from './registry-deps.ts';
import {
  type CompiledPolicy,
  decide,
  type DecisionResult,
  isDecisionError,
  type DecisionOutcome,
  versionIndexAt,
} from '../policy/index.ts';
import { HogoError } from '../errors/index.ts';
import {
  type AuditEvent,
  groupsInScope,
  purposeInScope,
  type Principal,
  authorize,
} from '../security/index.ts';
import { factsForDecision, type CustomerDecisionInput } from './facts-for-decision.ts';

/**
 * Decides many uses of registered customers' items: facts read from the registry in a fixed
 * number of queries, each decided by the policy, each decision audited with its clauses in
 * the same transaction. An input naming an invisible customer or item gets an error in its
 * place, as a malformed request does; so does one whose purpose is outside the principal's
 * scope ('decide.out_of_scope', audited as refused, nothing of the customer read). Needs
 * 'decide.customer'.
 */
export async function decideForCustomers(
  ctx: RegistryDeps,
  principal: Principal,
  inputs: readonly CustomerDecisionInput[],
): Promise<DecisionOutcome[]> {
  authorize(principal, 'decide.customer');
  if (inputs.length === 0) return [];
  return ctx.store.db
    .transaction()
    .execute((tx) => decideForCustomersIn(ctx, tx, principal, inputs, ctx.clock()));
}

/**
 * `decideForCustomers` inside the caller's transaction, so that decisions commit together with
 * what they allowed (a provision and its ledger rows). The caller authorizes.
 */
export async function decideForCustomersIn(
  ctx: RegistryDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  inputs: readonly CustomerDecisionInput[],
  now: number,
): Promise<DecisionOutcome[]> {
  if (inputs.length === 0) return [];
  const events: AuditEvent[] = [];
  // SECURITY.6: a principal whose scope lists purposes asks decisions for those only.
  const allowed = inputs.filter((input) => purposeInScope(principal, input.purpose));
  const requests =
    allowed.length === 0
      ? []
      : await factsForDecision(tx, ctx.store.capabilities, allowed, now, groupsInScope(principal));
  let next = 0;
  const outcomes = inputs.map((input): DecisionOutcome => {
    if (!purposeInScope(principal, input.purpose)) {
      events.push({
        actor: principal.id,
        action: 'decision.refused',
        customerId: input.customerId,
        itemIds: [input.itemId],
        decision: null,
        detail: { purpose: input.purpose, reason: 'decide.out_of_scope' },
      });
      return {
        error: {
          code: 'decide.out_of_scope',
          message: `purpose ${input.purpose} is outside this principal's scope`,
          path: 'purpose',
        },
      };
    }
    const request = requests[next++]!;
    if (request instanceof HogoError && request.code === 'registry.erased') {
      // APPI Art. 35: an erased customer's information is used for nothing, whatever the ID.
      const outcome = erasedDeny(ctx.policy, now);
      events.push({
        actor: principal.id,
        action: 'decision',
        customerId: input.customerId,
        itemIds: [input.itemId],
        decision: outcome.decision,
        clauses: outcome.clauses,
        detail: { purpose: input.purpose, erased: true },
      });
      return outcome;
    }
    if (request instanceof Error) {
      const field = (request.details as { field?: string } | undefined)?.field ?? 'itemId';
      return { error: { code: request.code, message: request.message, path: field } };
    }
    const outcome = decide(ctx.policy, request, { now });
    if (!isDecisionError(outcome)) {
      events.push({
        actor: principal.id,
        action: 'decision',
        customerId: input.customerId,
        itemIds: [input.itemId],
        decision: outcome.decision,
        clauses: outcome.clauses,
        detail: {
          purpose: request.purpose,
          at: request.at ?? null,
          recipient: request.recipient ?? null,
          policyVersion: outcome.policyVersion,
        },
      });
    }
    return outcome;
  });
  await ctx.audit.append(tx, events);
  return outcomes;
}

/** The deny for a use of an erased customer's item (REQUEST.DELETION). */
function erasedDeny(policy: CompiledPolicy, now: number): DecisionResult {
  return {
    decision: 'deny',
    clauses: ['REQUEST.DELETION'],
    policyVersion: policy.versions[versionIndexAt(policy, now)]?.id ?? null,
    reason: {
      en: 'The customer’s information was erased at their request; it is used for nothing.',
      ja: 'お客さまのご請求により情報は消去されており、いかなる目的にも利用しません。',
    },
  };
}
