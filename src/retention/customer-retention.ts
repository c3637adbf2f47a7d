import type { ItemRetention } from '../policy/index.ts';
import { contractFacts } from '../registry/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import { keptSummary, type KeptGround } from './kept-summary.ts';
import { planDeletion } from './plan-deletion.ts';
import type { RetentionContext } from './retention-context.ts';

/** What a deletion of the customer would erase and keep now, and why: for staff, no value. */
export interface CustomerRetentionView {
  readonly customerId: string;
  readonly erasable: readonly string[];
  readonly kept: readonly KeptGround[];
  readonly items: readonly ItemRetention[];
  readonly held: boolean;
}

/** RETAIN: the retention of a customer's items now. Needs 'registry.read'. */
export async function customerRetention(
  ctx: RetentionContext,
  principal: Principal,
  customerId: string,
): Promise<CustomerRetentionView> {
  authorize(principal, 'registry.read');
  await contractFacts(ctx, principal, customerId);
  const plan = await planDeletion(ctx, ctx.store.db, customerId);
  return {
    customerId,
    erasable: plan.erase,
    kept: keptSummary(plan.kept),
    items: plan.kept,
    held: plan.held,
  };
}
