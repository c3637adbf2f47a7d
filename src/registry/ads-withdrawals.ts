import type { Kysely } from 'kysely';
import { registryDb } from './registry-tables.ts';

/** Why a customer may no longer be in an ad platform's audience. */
export type AdWithdrawalClause = 'REQUEST.DELETION' | 'REQUEST.SUSPEND_PROVISION' | 'ADS.OPT_OUT';

/** A customer out of the ad audiences at `now`, with the clause that takes them out. */
export interface AdWithdrawal {
  readonly customerId: string;
  readonly clause: AdWithdrawalClause;
}

/**
 * The customers who must leave every ad audience at `now`: erased (REQUEST.DELETION, APPI
 * Art. 35), with a suspension of provision to third parties in force (REQUEST.SUSPEND_PROVISION,
 * Art. 35(3)), or opted out of ads (ADS.OPT_OUT). Ids and clauses only; erasure first when a
 * customer has several. Tombstones are read on purpose: an erased customer's copies go too.
 */
export async function adWithdrawals(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  now: number,
): Promise<AdWithdrawal[]> {
  const db = registryDb(tx);
  const erased = await db
    .selectFrom('customers')
    .select('id')
    .where('deleted_at', 'is not', null)
    .execute();
  const suspended = await db
    .selectFrom('suspensions')
    .select('customer_id')
    .where('kind', '=', 'provision')
    .where('from_at', '<=', now)
    .where((eb) => eb.or([eb('until_at', 'is', null), eb('until_at', '>', now)]))
    .execute();
  const optedOut = await db
    .selectFrom('ad_opt_outs')
    .select('customer_id')
    .where('at', '<=', now)
    .where('withdrawn_at', 'is', null)
    .execute();
  const byId = new Map<string, AdWithdrawalClause>();
  for (const r of optedOut) byId.set(r.customer_id, 'ADS.OPT_OUT');
  for (const r of suspended) byId.set(r.customer_id, 'REQUEST.SUSPEND_PROVISION');
  for (const r of erased) byId.set(r.id, 'REQUEST.DELETION');
  return [...byId].map(([customerId, clause]) => ({ customerId, clause }));
}
