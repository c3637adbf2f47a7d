import { retentionOf } from '../policy/index.ts';
import { contractFactsOf, customersWithEndedContracts, deleteCustomer } from '../registry/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import { activeHolds } from './list-holds.ts';
import type { RetentionContext } from './retention-context.ts';

/** What a purge found (and, unless a dry run, erased). */
export interface RetentionPurgeReport {
  readonly dryRun: boolean;
  /** Customers whose every contract has ended. */
  readonly examined: number;
  /** Of those, the ones nothing keeps any more: erased (or, in a dry run, to be). */
  readonly due: readonly string[];
  /** Of those, the ones a duty or a hold still keeps. */
  readonly kept: number;
}

const PAGE = 200;

/**
 * RETAIN, APPI Art. 22: erases the customers whose purposes and duties have all ended — every
 * contract ended, no accounting record still due, no claim assigned, no hold — whole, as a
 * deletion does (key shredded). A dry run only counts. Audited: each erasure as
 * 'customer.delete' citing RETAIN, and one 'retention.purge' entry with the counts. Needs
 * 'registry.write'. Meant for a scheduler: each customer commits on its own, so a purge that
 * stops halfway leaves whole customers only and the next run carries on.
 */
export async function purgeRetention(
  ctx: RetentionContext,
  principal: Principal,
  options: { readonly dryRun?: boolean } = {},
): Promise<RetentionPurgeReport> {
  authorize(principal, 'registry.write');
  const dryRun = options.dryRun === true;
  const now = ctx.clock();
  const due: string[] = [];
  let examined = 0;
  for (let after: string | null = null; ;) {
    const ids = await customersWithEndedContracts(ctx.store.db, now, { after, limit: PAGE });
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    examined += ids.length;
    for (const facts of await contractFactsOf(ctx.store.db, ids)) {
      const holds = await activeHolds(ctx.store.db, facts.customerId, now);
      const items = retentionOf(ctx.policy, { now, ...facts, holds });
      if (holds.length > 0 || items.some((i) => i.keeps.length > 0)) continue;
      due.push(facts.customerId);
      if (!dryRun)
        await deleteCustomer(ctx, principal, {
          customerId: facts.customerId,
          clauses: ['RETAIN', 'RETAIN.ACCOUNTING'],
        });
    }
  }
  await ctx.audit.append(ctx.store.db, [
    {
      actor: principal.id,
      action: 'retention.purge',
      clauses: ['RETAIN'],
      detail: { dryRun, examined, due: due.length, erased: dryRun ? 0 : due.length, at: now },
    },
  ]);
  return { dryRun, examined, due, kept: examined - due.length };
}
