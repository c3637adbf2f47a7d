import { sql } from 'kysely';
import type { Store } from '../../store/index.ts';
import { securityDb } from '../security-tables.ts';
import { customerOwner, unwrapRaw, wrapKey } from './key-wrapping.ts';
import type { MasterKey, MasterKeyring } from './master-keyring.ts';

/** Options of `rewrapAll`. */
export interface RewrapOptions {
  /** Keys per transaction: short transactions, so writers keep going during rotation. */
  readonly batch: number;
  readonly onProgress?: (done: number) => void;
}

/**
 * Re-wraps the index key and every data key not yet under `target`, in batches, each in its
 * own transaction. Data keys themselves never change, so no value is re-encrypted.
 */
export async function rewrapAll(
  store: Store,
  keyring: MasterKeyring,
  target: MasterKey,
  options: RewrapOptions,
): Promise<{ readonly rewrapped: number }> {
  const db = securityDb(store.db);
  const bytes = store.capabilities.bytesType;
  const index = await db.selectFrom('key_material').selectAll().execute();
  for (const row of index) {
    if (row.master_version >= target.version) continue;
    const raw = unwrapRaw(keyring, row.id, row.master_version, row.wrapped);
    await db
      .updateTable('key_material')
      .set({ wrapped: wrapKey(target, row.id, raw), master_version: target.version })
      .where('id', '=', row.id)
      .where('master_version', '=', row.master_version)
      .execute();
    raw.fill(0);
  }

  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom('data_keys')
      .select(['customer_id', 'master_version', 'wrapped'])
      .where('master_version', '<', target.version)
      .where('wrapped', 'is not', null)
      .orderBy('customer_id')
      .limit(options.batch)
      .execute();
    if (rows.length === 0) break;
    const rewrapped = rows.map((row) => {
      const owner = customerOwner(row.customer_id);
      const raw = unwrapRaw(keyring, owner, row.master_version, row.wrapped!);
      const wrapped = wrapKey(target, owner, raw);
      raw.fill(0);
      return { id: row.customer_id, wrapped };
    });
    // One statement per batch; the cast names the bytes type through the store's capability.
    const cases = sql.join(
      rewrapped.map((r) => sql`when ${r.id} then cast(${r.wrapped} as ${sql.raw(bytes)})`),
      sql` `,
    );
    const result = await db.transaction().execute((tx) =>
      tx
        .updateTable('data_keys')
        .set({ wrapped: sql`case customer_id ${cases} end`, master_version: target.version })
        .where(
          'customer_id',
          'in',
          rewrapped.map((r) => r.id),
        )
        // A key shredded since it was read stays shredded.
        .where('wrapped', 'is not', null)
        .where('master_version', '<', target.version)
        .executeTakeFirst(),
    );
    done += Number(result.numUpdatedRows);
    options.onProgress?.(done);
  }
  return { rewrapped: done };
}
