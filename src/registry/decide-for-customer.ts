import type { RegistryDeps } from './registry-deps.ts';
import { HogoError } from '../errors/index.ts';
import { isDecisionError, type DecisionResult } from '../policy/index.ts';
import type { Principal } from '../security/index.ts';
import { decideForCustomers } from './decide-for-customers.ts';
import type { CustomerDecisionInput } from './facts-for-decision.ts';

/**
 * May we use this item of this customer for this purpose (and recipient)? The facts come from
 * the registry (group, ADS.OPT_OUT, suspensions, consents, the item's acquisition, service and
 * survey); the decision is the policy's, audited with its clauses. Throws 'registry.not_found'
 * for an invisible customer or item and the request error for a malformed one. Needs
 * 'decide.customer'.
 */
export async function decideForCustomer(
  ctx: RegistryDeps,
  principal: Principal,
  input: CustomerDecisionInput,
): Promise<DecisionResult> {
  const [outcome] = await decideForCustomers(ctx, principal, [input]);
  if (outcome === undefined || isDecisionError(outcome)) {
    const e = outcome?.error ?? {
      code: 'request.malformed',
      message: 'malformed request',
      path: '',
    };
    throw new HogoError(e.code, e.message, { field: e.path, path: e.path });
  }
  return outcome;
}
