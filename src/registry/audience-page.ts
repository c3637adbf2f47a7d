import type { Kysely } from 'kysely';
import { notExpiredRecording } from './recording-retention.ts';
import { registryDb } from './registry-tables.ts';

/** An item of an audience page as read: its facts for the decision and its ciphertext. */
export interface AudiencePageItem {
  readonly id: string;
  readonly customer_id: string;
  readonly customer_group: string;
  readonly category: string;
  readonly value: Uint8Array;
  readonly acquired_at: number;
  readonly survey: string | null;
  readonly service_name: string | null;
  readonly transferred_from_docomo: number | null;
  readonly ended_at: number | null;
}

/** What the policy is told of a customer (spec/decision-format.md), built once per customer. */
export interface AudienceCustomerFacts {
  readonly group: string;
  readonly adOptOut: boolean;
  readonly suspensions: { kind: string; from: string; purposes?: string[] }[];
  readonly consents: { purpose: string; at: string }[];
}

/** One page of an audience: customers `first`..`last` in id order. */
export interface AudiencePageQuery {
  readonly first: string;
  readonly last: string;
  /** Only items of these categories (ADS.ITEMS: what the platform accepts). */
  readonly categories: readonly string[];
  /** The instant the facts are taken at (opt-outs, suspensions, consents in force). */
  readonly at: number;
  /** Now, for what the registry no longer keeps (OBTAIN.CALLS: recordings past retention). */
  readonly now: number;
}

/** The facts of an audience page: its current items ordered by customer, and each customer's. */
export interface AudiencePage {
  readonly items: readonly AudiencePageItem[];
  readonly customers: ReadonlyMap<string, AudienceCustomerFacts>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The registry's facts for one page of an ad export, in a fixed number of queries whatever the
 * page's size: the current items of the categories asked for (erased customers, superseded
 * versions and recordings past retention left out, as in every registry read), then the
 * customers' group, ad opt-out, suspensions and consents in force at `at`, over the id range.
 */
export async function audiencePage(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  query: AudiencePageQuery,
): Promise<AudiencePage> {
  const { first, last } = query;
  const db = registryDb(tx);
  const items: AudiencePageItem[] =
    query.categories.length === 0
      ? []
      : await db
          .selectFrom('items')
          .innerJoin('customers', 'customers.id', 'items.customer_id')
          .leftJoin('services', 'services.id', 'items.service_id')
          .select([
            'items.id',
            'items.customer_id',
            'customers.customer_group',
            'items.category',
            'items.value',
            'items.acquired_at',
            'items.survey',
            'services.name as service_name',
            'services.transferred_from_docomo',
            'services.ended_at',
          ])
          .where('items.customer_id', '>=', first)
          .where('items.customer_id', '<=', last)
          .where('customers.deleted_at', 'is', null)
          .where('items.superseded_at', 'is', null)
          .where('items.category', 'in', query.categories)
          .where(notExpiredRecording(query.now))
          .orderBy('items.customer_id')
          .orderBy('items.id')
          .execute();
  return { items, customers: await customerFacts(tx, query, items) };
}

/**
 * The customer half of the decision requests of a page: group, ad opt-out, suspensions and
 * consents in force at the page's instant, read over the page's id range in three queries.
 */
async function customerFacts(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  query: AudiencePageQuery,
  items: readonly AudiencePageItem[],
): Promise<Map<string, AudienceCustomerFacts>> {
  const facts = new Map<string, AudienceCustomerFacts>();
  if (items.length === 0) return facts;
  const db = registryDb(tx);
  const { first, last, at } = query;
  const [optOuts, suspensions, consents] = await Promise.all([
    db
      .selectFrom('ad_opt_outs')
      .select(['customer_id', 'at', 'withdrawn_at'])
      .where('customer_id', '>=', first)
      .where('customer_id', '<=', last)
      .execute(),
    db
      .selectFrom('suspensions')
      .select(['customer_id', 'kind', 'purposes', 'from_at', 'until_at'])
      .where('customer_id', '>=', first)
      .where('customer_id', '<=', last)
      .orderBy('customer_id')
      .orderBy('from_at')
      .execute(),
    db
      .selectFrom('consents')
      .select(['customer_id', 'purpose', 'at', 'withdrawn_at'])
      .where('customer_id', '>=', first)
      .where('customer_id', '<=', last)
      .orderBy('customer_id')
      .orderBy('at')
      .execute(),
  ]);
  const inForce = (end: number | null) => end === null || end > at;
  for (const item of items) {
    if (!facts.has(item.customer_id)) {
      facts.set(item.customer_id, {
        group: item.customer_group,
        adOptOut: false,
        suspensions: [],
        consents: [],
      });
    }
  }
  for (const o of optOuts) {
    const f = facts.get(o.customer_id);
    // ADS.OPT_OUT: opted out at `at`, and not withdrawn by then.
    if (f !== undefined && o.at <= at && inForce(o.withdrawn_at)) {
      facts.set(o.customer_id, { ...f, adOptOut: true });
    }
  }
  for (const s of suspensions) {
    // REQUEST.SUSPEND_*: a suspension that ended before `at` no longer binds.
    if (!inForce(s.until_at)) continue;
    facts.get(s.customer_id)?.suspensions.push({
      kind: s.kind,
      from: iso(s.from_at),
      ...(s.purposes !== null ? { purposes: JSON.parse(s.purposes) as string[] } : {}),
    });
  }
  for (const c of consents) {
    // PURPOSE.NOTIFIED: a consent withdrawn before `at` no longer binds.
    if (!inForce(c.withdrawn_at)) continue;
    facts.get(c.customer_id)?.consents.push({ purpose: c.purpose, at: iso(c.at) });
  }
  return facts;
}
