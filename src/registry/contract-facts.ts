import type { Kysely } from 'kysely';
import type { RegistryDeps } from './registry-deps.ts';
import type { RetentionItem, RetentionService } from '../policy/index.ts';
import { type Principal, authorize } from '../security/index.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';

/** A customer's current items and services as retention reads them: no value, no provenance. */
export interface ContractFacts {
  readonly customerId: string;
  readonly items: readonly RetentionItem[];
  readonly services: readonly RetentionService[];
}

/**
 * RETAIN: the facts the retention duties are read from — a customer's current items (category,
 * service) and services (end, claims assignee). Reads no value, so it is not a read of personal
 * values. Needs 'registry.read'; 'registry.not_found' for an erased or unknown customer.
 */
export async function contractFacts(
  ctx: RegistryDeps,
  principal: Principal,
  customerId: string,
): Promise<ContractFacts> {
  authorize(principal, 'registry.read');
  await requireCustomer(ctx.store.db, customerId, principal);
  return (await contractFactsOf(ctx.store.db, [customerId]))[0]!;
}

/** The facts of several customers (ids known to exist), in the order given. */
export async function contractFactsOf(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  customerIds: readonly string[],
): Promise<ContractFacts[]> {
  if (customerIds.length === 0) return [];
  const db = registryDb(tx);
  const items = await db
    .selectFrom('items')
    .select(['id', 'customer_id', 'category', 'service_id'])
    .where('customer_id', 'in', customerIds)
    .where('superseded_at', 'is', null)
    .orderBy('id')
    .execute();
  const services = await db
    .selectFrom('services')
    .select(['id', 'customer_id', 'ended_at', 'claims_assignee'])
    .where('customer_id', 'in', customerIds)
    .orderBy('id')
    .execute();
  return customerIds.map((customerId) => ({
    customerId,
    items: items
      .filter((i) => i.customer_id === customerId)
      .map((i) => ({ id: i.id, category: i.category, serviceId: i.service_id })),
    services: services
      .filter((s) => s.customer_id === customerId)
      .map((s) => ({
        id: s.id,
        endedAt: s.ended_at === null ? null : Number(s.ended_at),
        claimsAssignee: s.claims_assignee,
      })),
  }));
}

/**
 * RETAIN: customers not erased who have at least one service and no contract in force at `now`
 * — the only ones a purge may find nothing left to keep for (a customer with no contract at all
 * is kept for the purposes of their own group, which retention does not end). A page at a time.
 */
export async function customersWithEndedContracts(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  now: number,
  page: { readonly after: string | null; readonly limit: number },
): Promise<string[]> {
  const db = registryDb(tx);
  let query = db
    .selectFrom('customers')
    .select('customers.id')
    .where('customers.deleted_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('services')
          .select('services.id')
          .whereRef('services.customer_id', '=', 'customers.id'),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('services')
            .select('services.id')
            .whereRef('services.customer_id', '=', 'customers.id')
            .where((s) =>
              s.or([s('services.ended_at', 'is', null), s('services.ended_at', '>', now)]),
            ),
        ),
      ),
    )
    .orderBy('customers.id')
    .limit(page.limit);
  if (page.after !== null) query = query.where('customers.id', '>', page.after);
  return (await query.execute()).map((r) => r.id);
}
