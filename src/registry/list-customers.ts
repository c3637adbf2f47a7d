import type { AppContext } from '../app/app-context.ts';
import type { Principal } from '../security/principal.ts';
import { authorize } from '../security/authorize.ts';
import { isoInstant } from './iso-instant.ts';
import { normalizeEmail } from './normalize/normalize-email.ts';
import { normalizePhone } from './normalize/normalize-phone.ts';
import { registryDb } from './registry-tables.ts';

/** Most customers one page may hold. */
export const MAX_PAGE = 500;

/** One customer in a list: no personal value, and no key is touched. */
export interface CustomerSummary {
  readonly id: string;
  readonly externalId: string | null;
  readonly group: string;
  readonly createdAt: string;
}

/** A page of customers, and the cursor of the next page (null on the last). */
export interface CustomerPage {
  readonly customers: readonly CustomerSummary[];
  readonly nextCursor: string | null;
}

/**
 * Lists customers in id order (ids are time-ordered UUIDs), `limit` per page (1–500, default
 * 50) after `cursor`; deleted customers are left out. With `email` or `phone`, only the
 * customers holding that value (compared by blind index, so the search reads no plaintext). Audited as 'customer.list'. Needs
 * 'registry.read'.
 */
export async function listCustomers(
  ctx: AppContext,
  principal: Principal,
  input: {
    readonly cursor?: string;
    readonly limit?: number;
    /** Find by e-mail or phone: matched on the blind index, never on plain text. */
    readonly email?: string;
    readonly phone?: string;
  } = {},
): Promise<CustomerPage> {
  authorize(principal, 'registry.read');
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), MAX_PAGE);
  return ctx.store.db.transaction().execute(async (tx) => {
    let q = registryDb(tx)
      .selectFrom('customers')
      .select(['id', 'external_id', 'customer_group', 'created_at'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .limit(limit + 1);
    if (input.cursor !== undefined) q = q.where('id', '>', input.cursor);
    const lookup =
      input.email !== undefined
        ? ctx.keys.blindIndex('email', normalizeEmail(input.email))
        : input.phone !== undefined
          ? ctx.keys.blindIndex('phone', normalizePhone(input.phone))
          : null;
    if (lookup !== null) {
      q = q.where('id', 'in', (sub) =>
        sub
          .selectFrom('items')
          .select('customer_id')
          .where('value_index', '=', lookup)
          .where('superseded_at', 'is', null),
      );
    }
    const rows = await q.execute();
    const page = rows.slice(0, limit);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: lookup === null ? 'customer.list' : 'customer.lookup',
        detail: {
          count: page.length,
          ...(lookup === null ? {} : { by: input.email ? 'email' : 'phone' }),
        },
      },
    ]);
    return {
      customers: page.map((r) => ({
        id: r.id,
        externalId: r.external_id,
        group: r.customer_group,
        createdAt: isoInstant(r.created_at),
      })),
      nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
    };
  });
}
