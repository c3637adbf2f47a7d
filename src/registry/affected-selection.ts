import { sql, type Kysely } from 'kysely';
import { parseInstant } from '../policy/index.ts';
import { invalidField } from './normalize/invalid-field.ts';
import { registryDb } from './registry-tables.ts';

/** Whose data an incident concerns: customers, categories of items, when they were acquired. */
export interface AffectedQuery {
  /** Only these customers; absent, every customer. */
  readonly customerIds?: readonly string[];
  /** Only customers holding a current item of one of these categories; absent, any. */
  readonly categories?: readonly string[];
  /** Items acquired at or after / before this (YYYY-MM-DD in the policy's zone, or ISO 8601). */
  readonly acquiredFrom?: string;
  readonly acquiredBefore?: string;
}

/** A condition no row meets: an empty list selects nobody (`IN ()` is no SQL). */
const NOBODY = sql<boolean>`1 = 0`;

/** Reads a bound of the query as an instant, or refuses naming the field. */
function instantOf(text: string, field: string, offset: string): number {
  try {
    return parseInstant(text, offset);
  } catch {
    throw invalidField(field, 'must be YYYY-MM-DD or an ISO 8601 date-time');
  }
}

/**
 * The customers a query selects, erased ones included (the caller filters on `deleted_at`),
 * as a Kysely query over `customers` the caller selects columns from.
 */
export function affectedSelection(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  query: AffectedQuery,
  offset: string,
) {
  const from =
    query.acquiredFrom === undefined
      ? undefined
      : instantOf(query.acquiredFrom, 'acquiredFrom', offset);
  const before =
    query.acquiredBefore === undefined
      ? undefined
      : instantOf(query.acquiredBefore, 'acquiredBefore', offset);
  const byItem = query.categories !== undefined || from !== undefined || before !== undefined;
  let q = registryDb(tx).selectFrom('customers');
  if (query.customerIds !== undefined)
    q = query.customerIds.length === 0 ? q.where(NOBODY) : q.where('id', 'in', query.customerIds);
  if (byItem)
    q = q.where('id', 'in', (eb) => {
      let items = eb.selectFrom('items').select('customer_id').where('superseded_at', 'is', null);
      if (query.categories !== undefined)
        items =
          query.categories.length === 0
            ? items.where(NOBODY)
            : items.where('category', 'in', query.categories);
      if (from !== undefined) items = items.where('acquired_at', '>=', from);
      if (before !== undefined) items = items.where('acquired_at', '<', before);
      return items;
    });
  return q;
}
