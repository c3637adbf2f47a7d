import type { RegistryDeps } from './registry-deps.ts';
import { type Principal, authorize, type KeyService } from '../security/index.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';

/** What a line's blind index becomes on erasure (the column takes no null): matches no number. */
const ERASED_INDEX = new Uint8Array(32);

/**
 * The external ID an erased customer's tombstone keeps: a keyed MAC of it ('erased:<hex>'), so
 * that the number can be recognised (an import skips it, a registration is refused) but not read.
 */
export function erasedExternalId(keys: KeyService, externalId: string): string {
  return `erased:${keys.attest('erased-external-id', externalId).toString('hex')}`;
}

/**
 * Erases a customer (REQUEST.DELETION): a tombstone makes them invisible everywhere, their
 * blind indexes and external ID are removed, and their data key is shredded so that no copy of
 * any value (backups included) can be decrypted again.
 * Audited as 'customer.delete'. Needs 'registry.write'; the requests slice decides when.
 */
export async function deleteCustomer(
  ctx: RegistryDeps,
  principal: Principal,
  input: {
    readonly customerId: string;
    readonly requestId?: string;
    /** What decided the erasure; default REQUEST.DELETION (a purge cites RETAIN). */
    readonly clauses?: readonly string[];
  },
): Promise<void> {
  authorize(principal, 'registry.write');
  await ctx.store.db.transaction().execute(async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, principal);
    const db = registryDb(tx);
    const row = await db
      .selectFrom('customers')
      .select('external_id')
      .where('id', '=', customer.id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('customers')
      .set({
        deleted_at: ctx.clock(),
        // The company system's number would tie the tombstone back to the person: kept only as
        // a keyed MAC, enough to refuse registering the erased number again by mistake.
        external_id: row.external_id === null ? null : erasedExternalId(ctx.keys, row.external_id),
      })
      .where('id', '=', customer.id)
      .execute();
    // The blind indexes are keyed HMACs of e-mail and phone under a key every server holds:
    // kept, they would let a phone number be found by trying every one. Gone with the rest.
    await db
      .updateTable('items')
      .set({ value_index: null })
      .where('customer_id', '=', customer.id)
      .execute();
    await db
      .updateTable('subscriber_lines')
      .set({ number_index: ERASED_INDEX })
      .where('customer_id', '=', customer.id)
      .execute();
    await ctx.keys.shred(tx, customer.id);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'customer.delete',
        customerId: customer.id,
        clauses: input.clauses ?? ['REQUEST.DELETION'],
        ...(input.requestId !== undefined ? { detail: { requestId: input.requestId } } : {}),
      },
    ]);
  });
}
