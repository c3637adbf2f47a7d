import type { Kysely } from 'kysely';
import { retentionOf, type ItemRetention } from '../policy/index.ts';
import { contractFactsOf } from '../registry/index.ts';
import { activeHolds } from './list-holds.ts';
import type { RetentionContext } from './retention-context.ts';

/** What a deletion of a customer may erase now, and what it must keep and why. */
export interface DeletionPlan {
  readonly customerId: string;
  /** Current items no duty or hold keeps. */
  readonly erase: readonly string[];
  /** The categories of the items to erase, each once (for the customer's letter). */
  readonly erasedCategories: readonly string[];
  /** Current items kept, each with every duty or hold that keeps it. */
  readonly kept: readonly ItemRetention[];
  /** True when anything is kept by a legal hold (RETAIN.HOLD). */
  readonly held: boolean;
}

/**
 * RETAIN, APPI Art. 35(5): reads the duties of the policy file and the holds in force against a
 * customer's items and contracts at the context's clock. Reads no value. `db` is the
 * transaction the erasure will run in, so the plan and the erasure see the same rows.
 */
export async function planDeletion(
  ctx: RetentionContext,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  customerId: string,
): Promise<DeletionPlan> {
  const now = ctx.clock();
  const [facts] = await contractFactsOf(db, [customerId]);
  const holds = await activeHolds(db, customerId, now);
  const items = retentionOf(ctx.policy, {
    now,
    items: facts!.items,
    services: facts!.services,
    holds,
  });
  return {
    customerId,
    erase: items.filter((i) => i.keeps.length === 0).map((i) => i.itemId),
    erasedCategories: [
      ...new Set(items.filter((i) => i.keeps.length === 0).map((i) => i.category)),
    ],
    kept: items.filter((i) => i.keeps.length > 0),
    held: holds.length > 0,
  };
}
