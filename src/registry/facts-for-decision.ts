import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import { type DecisionRequest, parseIsoInstant } from '../policy/index.ts';
import type { StoreCapabilities } from '../store/index.ts';
import { isoInstant } from './iso-instant.ts';
import { notExpiredRecording } from './recording-retention.ts';
import { registryDb, type RegistryTables } from './registry-tables.ts';
import { notFound } from './require-customer.ts';

/** A decision asked about a registered customer's item, by id instead of by facts. */
export interface CustomerDecisionInput {
  readonly customerId: string;
  readonly itemId: string;
  readonly purpose: string;
  /** When the use happens (ISO 8601 with offset); default: now. */
  readonly at?: string;
  readonly recipient?: { readonly kind: string; readonly id?: string };
}

type Db = Kysely<RegistryTables>;

/**
 * The decision requests (spec/decision-format.md) for these inputs, built from the registry in
 * a fixed number of queries whatever their count (items with services, customers, opt-outs,
 * suspensions, consents; chunked only by the parameter limit). An input whose customer or item
 * is not visible gets a HogoError in its place ('registry.erased' for an erased customer's).
 */
export async function factsForDecision(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  capabilities: StoreCapabilities,
  inputs: readonly CustomerDecisionInput[],
  now: number,
  /** SECURITY.6: the customer groups visible to the asker; others are not found. */
  groups: 'all' | readonly string[] = 'all',
): Promise<(DecisionRequest | HogoError)[]> {
  const db = registryDb(tx);
  const customerIds = [...new Set(inputs.map((i) => i.customerId))];
  const itemIds = [...new Set(inputs.map((i) => i.itemId))];
  const chunk = Math.max(1, capabilities.maxParameters - 10);
  const items = groupBy(
    await inChunks(itemIds, chunk, (ids) => selectItems(db, ids, now)),
    (r) => r.id,
  );
  const customers = groupBy(
    await inChunks(customerIds, chunk, (ids) =>
      db
        .selectFrom('customers')
        .select(['id', 'customer_group', 'deleted_at'])
        .where('id', 'in', ids)
        .execute(),
    ),
    (r) => r.id,
  );
  const optOuts = groupBy(
    await inChunks(customerIds, chunk, (ids) =>
      db
        .selectFrom('ad_opt_outs')
        .select(['customer_id', 'at', 'withdrawn_at'])
        .where('customer_id', 'in', ids)
        .execute(),
    ),
    (r) => r.customer_id,
  );
  const suspensions = groupBy(
    await inChunks(customerIds, chunk, (ids) =>
      db
        .selectFrom('suspensions')
        .select(['customer_id', 'kind', 'purposes', 'from_at', 'until_at'])
        .where('customer_id', 'in', ids)
        .orderBy('from_at')
        .execute(),
    ),
    (r) => r.customer_id,
  );
  const consents = groupBy(
    await inChunks(customerIds, chunk, (ids) =>
      db
        .selectFrom('consents')
        .select(['customer_id', 'purpose', 'at', 'withdrawn_at'])
        .where('customer_id', 'in', ids)
        .orderBy('at')
        .execute(),
    ),
    (r) => r.customer_id,
  );

  return inputs.map((input): DecisionRequest | HogoError => {
    const customer = customers.get(input.customerId)?.[0];
    if (customer === undefined || (groups !== 'all' && !groups.includes(customer.customer_group)))
      return notFound('customer', 'customerId');
    // Erased (a tombstone): nothing of them may be used any more; the caller denies citing
    // REQUEST.DELETION rather than answering as for an ID never issued.
    if (customer.deleted_at !== null)
      return new HogoError('registry.erased', 'the customer was erased', { field: 'customerId' });
    const item = items.get(input.itemId)?.[0];
    if (item === undefined || item.customer_id !== customer.id) return notFound('item', 'itemId');
    if (item.superseded_by !== null) {
      return new HogoError(
        'registry.conflict',
        'the item was superseded; ask about its current version',
        {
          field: 'itemId',
          supersededBy: item.superseded_by,
        },
      );
    }
    const at = input.at ?? isoInstant(now);
    // An unreadable `at` is left for decide to refuse with its path; nothing is filtered by it.
    const atMs = parseIsoInstant(at);
    const inForce = (end: number | null) => Number.isNaN(atMs) || end === null || end > atMs;
    const started = (start: number) => Number.isNaN(atMs) || start <= atMs;
    return {
      at,
      purpose: input.purpose,
      customer: {
        group: customer.customer_group,
        // ADS.OPT_OUT: opted out at `at`, and not withdrawn by then.
        adOptOut: (optOuts.get(customer.id) ?? []).some(
          (o) => started(o.at) && inForce(o.withdrawn_at),
        ),
        // REQUEST.SUSPEND_*: a suspension that ended before `at` no longer binds.
        suspensions: (suspensions.get(customer.id) ?? [])
          .filter((s) => inForce(s.until_at))
          .map((s) => ({
            kind: s.kind,
            from: isoInstant(s.from_at),
            ...(s.purposes !== null ? { purposes: JSON.parse(s.purposes) as string[] } : {}),
          })),
        // PURPOSE.NOTIFIED: a consent withdrawn before `at` no longer binds.
        consents: (consents.get(customer.id) ?? [])
          .filter((c) => inForce(c.withdrawn_at))
          .map((c) => ({ purpose: c.purpose, at: isoInstant(c.at) })),
      },
      item: {
        category: item.category,
        acquiredAt: isoInstant(item.acquired_at),
        ...(item.service_name !== null
          ? {
              service: {
                id: item.service_name,
                transferredFromDocomo: item.transferred_from_docomo === 1,
                ...(item.ended_at !== null ? { endedAt: isoInstant(item.ended_at) } : {}),
              },
            }
          : {}),
        ...(item.survey !== null ? { survey: item.survey } : {}),
      },
      ...(input.recipient !== undefined ? { recipient: input.recipient } : {}),
    } as DecisionRequest;
  });
}

function selectItems(db: Db, ids: readonly string[], now: number) {
  return (
    db
      .selectFrom('items')
      // OBTAIN.CALLS: a recording past its retention is no longer there to decide on.
      .where(notExpiredRecording(now))
      .leftJoin('services', 'services.id', 'items.service_id')
      .select([
        'items.id',
        'items.customer_id',
        'items.category',
        'items.acquired_at',
        'items.survey',
        'items.superseded_by',
        'services.name as service_name',
        'services.transferred_from_docomo',
        'services.ended_at',
      ])
      .where('items.id', 'in', ids)
      .execute()
  );
}

async function inChunks<T>(
  ids: readonly string[],
  size: number,
  query: (ids: readonly string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await query(ids.slice(i, i + size))));
  return out;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list === undefined) map.set(k, [row]);
    else list.push(row);
  }
  return map;
}
