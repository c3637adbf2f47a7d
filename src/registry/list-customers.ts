import type { RegistryDeps } from './registry-deps.ts';
import { HogoError } from '../errors/index.ts';
import { can, inScope, type Principal, authorize } from '../security/index.ts';
import { isoInstant } from './iso-instant.ts';
import { normalizeEmail } from './normalize/normalize-email.ts';
import { invalidField } from './normalize/invalid-field.ts';
import { normalizePhone } from './normalize/normalize-phone.ts';
import { normalizeText } from './normalize/normalize-text.ts';
import { registryDb } from './registry-tables.ts';
import { groupFilter } from './group-scope.ts';

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

/** How a list may be narrowed to the customers holding one identifier. */
export interface CustomerLookup {
  /** Find by e-mail or phone: matched on the blind index, never on plain text. */
  readonly email?: string;
  readonly phone?: string;
  /** With `phone`: also the customers whose subscriber line has that number. */
  readonly lines?: boolean;
  /** Find by the external ID (the company system's customer number), as intake stores it. */
  readonly externalId?: string;
}

/**
 * Lists customers in id order (ids are time-ordered UUIDs), `limit` per page (1–500, default
 * 50) after `cursor`; deleted customers are left out. With one of `email`, `phone` or
 * `externalId`, only the customers holding it (e-mail and phone compared by blind index, so the
 * search reads no plaintext). Audited as 'customer.list', or 'customer.lookup' naming what was
 * looked up by (never the value). Needs 'registry.read'.
 */
export async function listCustomers(
  ctx: RegistryDeps,
  principal: Principal,
  input: CustomerLookup & { readonly cursor?: string; readonly limit?: number } = {},
): Promise<CustomerPage> {
  authorize(principal, 'registry.read');
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), MAX_PAGE);
  const by = lookupField(input);
  return ctx.store.db.transaction().execute(async (tx) => {
    let q = registryDb(tx)
      .selectFrom('customers')
      .select(['id', 'external_id', 'customer_group', 'created_at'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .limit(limit + 1);
    if (input.cursor !== undefined) q = q.where('id', '>', input.cursor);
    // SECURITY.6: customers outside the principal's groups are neither listed nor found.
    const groups = groupFilter(principal);
    if (groups !== 'all') q = q.where('customer_group', 'in', groups);
    if (by === 'externalId') {
      const externalId = normalizeText(input.externalId, 'externalId', {
        form: 'NFKC',
        maxLength: 200,
      });
      q = q.where('external_id', '=', externalId);
    } else if (by !== null) {
      const lookup =
        by === 'email'
          ? ctx.keys.blindIndex('email', normalizeEmail(input.email))
          : ctx.keys.blindIndex('phone', normalizePhone(input.phone));
      q = q.where((eb) =>
        eb.or([
          eb(
            'id',
            'in',
            eb
              .selectFrom('items')
              .select('customer_id')
              .where('value_index', '=', lookup)
              .where('superseded_at', 'is', null),
          ),
          ...(by === 'phone' && input.lines === true
            ? [
                eb(
                  'id',
                  'in',
                  eb
                    .selectFrom('subscriber_lines')
                    .select('customer_id')
                    .where('number_index', '=', lookup)
                    .where('ended_at', 'is', null),
                ),
              ]
            : []),
        ]),
      );
    }
    const rows = await q.execute();
    const page = rows.slice(0, limit);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: by === null ? 'customer.list' : 'customer.lookup',
        // A lookup names whom it found (ids only): whose identifier was confirmed is on record.
        detail: {
          count: page.length,
          ...(by === null ? {} : { by, customerIds: page.map((r) => r.id) }),
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

/** Which identifier the lookup names; more than one is refused, naming the second. */
function lookupField(input: CustomerLookup): 'email' | 'phone' | 'externalId' | null {
  const given = (['email', 'phone', 'externalId'] as const).filter((f) => input[f] !== undefined);
  if (given.length > 1) {
    throw invalidField(given[1]!, `cannot be combined with ${given[0]}: look up by one at a time`);
  }
  return given[0] ?? null;
}

/**
 * SECURITY.6 for staff: matching an e-mail or phone tells whose it is, a read of that value, so
 * only a principal who may read values of that category looks a customer up by it
 * ('auth.forbidden'). The web's one-time-code look-up proves the address instead and skips it.
 */
export function authorizeLookup(principal: Principal, lookup: CustomerLookup): void {
  for (const category of ['email', 'phone'] as const) {
    if (lookup[category] === undefined) continue;
    if (!can(principal, 'registry.readValues') || !inScope(principal, category))
      throw new HogoError('auth.forbidden', `looking up by ${category} needs its values in scope`, {
        permission: 'registry.readValues',
        field: category,
      });
  }
}
