import type { Kysely } from 'kysely';
import type { AppContext } from '../app/app-context.ts';
import { decide, isDecisionError, type DecisionOutcome } from '../policy/index.ts';
import { factsForDecision, type CustomerDecisionInput } from '../registry/index.ts';
import type { AuditEvent } from '../security/audit-entry.ts';
import type { Principal } from '../security/principal.ts';

/**
 * `decideForCustomers` inside the caller's transaction, so that decisions, the items provided
 * and the ledger commit together: facts from the registry, `decide`, each decision audited
 * with its clauses. The caller authorizes.
 */
export async function decideInTransaction(
  ctx: AppContext,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  inputs: readonly CustomerDecisionInput[],
  now: number,
): Promise<DecisionOutcome[]> {
  if (inputs.length === 0) return [];
  const requests = await factsForDecision(tx, ctx.store.capabilities, inputs, now);
  const events: AuditEvent[] = [];
  const outcomes = requests.map((request, i): DecisionOutcome => {
    const input = inputs[i]!;
    if (request instanceof Error) {
      return { error: { code: request.code, message: request.message, path: 'itemId' } };
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
