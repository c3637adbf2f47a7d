import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { HogoError } from '../../errors/index.ts';
import type { BulkColumn, Store } from '../../store/index.ts';
import { securityDb, type SecurityTables } from '../security-tables.ts';
import { customerCipher } from './customer-cipher.ts';
import type { CustomerCipher, KeyService } from './key-service.ts';
import { customerOwner, unwrapKey, wrapKey } from './key-wrapping.ts';
import type { MasterKeyring } from './master-keyring.ts';
import { fillRandom } from './random-pool.ts';
import { rewrapAll } from './rewrap-all.ts';

const DATA_KEY_BYTES = 32;

const DATA_KEY_COLUMNS: readonly BulkColumn[] = [
  { name: 'customer_id', type: 'text' },
  { name: 'master_version', type: 'integer' },
  { name: 'wrapped', type: 'bytes' },
  { name: 'created_at', type: 'bigint' },
  { name: 'shredded_at', type: 'bigint' },
];

/** The id (and wrapping owner) of the blind-index key in `key_material`. */
export const INDEX_KEY_ID = 'index';

/** Options of `createKeyService`. */
export interface KeyServiceOptions {
  readonly clock?: () => number;
  /** Keys re-wrapped per transaction during rotation. */
  readonly rotateBatch?: number;
  /** How long rotation waits before its last pass over keys wrapped meanwhile (default 2 s). */
  readonly rotateSettleMs?: number;
}

/**
 * Encryption at rest over the store (REGISTRY encryption, SECURITY.6): per-customer data keys
 * wrapped by the master keyring, an index key for blind indexes, shredding and rotation.
 * Loads (or creates) the index key, so the store must be migrated first.
 */
export async function createKeyService(
  store: Store,
  keyring: MasterKeyring,
  options: KeyServiceOptions = {},
): Promise<KeyService> {
  const clock = options.clock ?? Date.now;
  const indexKey = await loadIndexKey(store, keyring, clock);
  const chunk = Math.floor(store.capabilities.maxParameters / 5) - 1;

  return {
    async ciphersFor(db, customerIds) {
      const t = securityDb(db);
      const ids = [...new Set(customerIds)];
      const ciphers = new Map<string, CustomerCipher>();
      for (let i = 0; i < ids.length; i += chunk) {
        const part = ids.slice(i, i + chunk);
        await readKeys(t, part, ciphers);
        const missing = part.filter((id) => !ciphers.has(id));
        if (missing.length > 0) await createKeys(t, missing, ciphers);
      }
      return ciphers;
    },

    async createCiphers(db, customerIds) {
      const master = keyring.current();
      const now = clock();
      const ciphers = new Map<string, CustomerCipher>();
      const rows: unknown[][] = [];
      const raw = Buffer.allocUnsafe(DATA_KEY_BYTES);
      for (const id of customerIds) {
        if (ciphers.has(id)) continue;
        fillRandom(raw, 0, DATA_KEY_BYTES);
        rows.push([id, master.version, wrapKey(master, customerOwner(id), raw), now, null]);
        // A KeyObject copies the bytes, so the raw key is wiped below.
        ciphers.set(id, customerCipher(createSecretKey(raw)));
      }
      raw.fill(0);
      // No ON CONFLICT: a customer that already has a key makes the whole batch fail.
      await store.bulkInsert(db, 'data_keys', DATA_KEY_COLUMNS, rows);
      return ciphers;
    },

    blindIndex(kind, normalized) {
      // The kind is hashed in, so an email and a phone with the same text never collide.
      return createHmac('sha256', indexKey).update(`${kind}\u0000${normalized}`, 'utf8').digest();
    },

    attest(purpose, text) {
      // A prefix no blind index can take (their kinds are 'email' and 'phone').
      return createHmac('sha256', indexKey)
        .update(`attest:${purpose}\u0000${text}`, 'utf8')
        .digest();
    },

    async shred(db, customerId) {
      const now = clock();
      await securityDb(db)
        .insertInto('data_keys')
        .values({
          customer_id: customerId,
          master_version: keyring.current().version,
          wrapped: null,
          created_at: now,
          shredded_at: now,
        })
        .onConflict((oc) =>
          oc.column('customer_id').doUpdateSet({ wrapped: null, shredded_at: now }),
        )
        .execute();
    },

    async rotate(onProgress) {
      const target = keyring.addVersion ? keyring.addVersion() : keyring.current();
      const rewrap = () =>
        rewrapAll(store, keyring, target, {
          batch: options.rotateBatch ?? 1000,
          ...(onProgress ? { onProgress } : {}),
        });
      const first = await rewrap();
      if (!keyring.addVersion) return first;
      // Other processes see the new version at their next wrap; a transaction of theirs that
      // wrapped under the old one just before may commit after the pass above: one more pass,
      // once such transactions have had time to end.
      await new Promise((resolve) => setTimeout(resolve, options.rotateSettleMs ?? 2000));
      const second = await rewrap();
      return { rewrapped: first.rewrapped + second.rewrapped };
    },
  };

  async function readKeys(
    t: Kysely<SecurityTables>,
    ids: readonly string[],
    into: Map<string, CustomerCipher>,
  ): Promise<void> {
    const rows = await t
      .selectFrom('data_keys')
      .select(['customer_id', 'master_version', 'wrapped'])
      .where('customer_id', 'in', ids)
      .execute();
    for (const row of rows) {
      if (row.wrapped === null) {
        throw new HogoError(
          'keys.shredded',
          `customer ${row.customer_id}: the data key was erased; no value can be written or read`,
          { customerId: row.customer_id },
        );
      }
      const key = unwrapKey(
        keyring,
        customerOwner(row.customer_id),
        row.master_version,
        row.wrapped,
      );
      into.set(row.customer_id, customerCipher(key));
    }
  }

  async function createKeys(
    t: Kysely<SecurityTables>,
    ids: readonly string[],
    into: Map<string, CustomerCipher>,
  ): Promise<void> {
    const master = keyring.current();
    const now = clock();
    const fresh = new Map<string, Buffer>(ids.map((id) => [id, randomBytes(DATA_KEY_BYTES)]));
    const inserted = await t
      .insertInto('data_keys')
      .values(
        ids.map((id) => ({
          customer_id: id,
          master_version: master.version,
          wrapped: wrapKey(master, customerOwner(id), fresh.get(id)!),
          created_at: now,
          shredded_at: null,
        })),
      )
      // Another transaction may create the same customer's key at once: its key wins.
      .onConflict((oc) => oc.column('customer_id').doNothing())
      .returning('customer_id')
      .execute();
    for (const { customer_id } of inserted) {
      // A KeyObject copies the bytes, so the raw keys can be wiped below.
      into.set(customer_id, customerCipher(createSecretKey(fresh.get(customer_id)!)));
    }
    const lost = ids.filter((id) => !into.has(id));
    if (lost.length > 0) await readKeys(t, lost, into);
    for (const raw of fresh.values()) raw.fill(0);
  }
}

/** Reads the index key, creating it once (the first process to start wins a race). */
async function loadIndexKey(
  store: Store,
  keyring: MasterKeyring,
  clock: () => number,
): Promise<KeyObject> {
  const t = securityDb(store.db);
  const read = () =>
    t
      .selectFrom('key_material')
      .select(['master_version', 'wrapped'])
      .where('id', '=', INDEX_KEY_ID)
      .executeTakeFirst();
  let row = await read();
  if (row === undefined) {
    const master = keyring.current();
    await t
      .insertInto('key_material')
      .values({
        id: INDEX_KEY_ID,
        master_version: master.version,
        wrapped: wrapKey(master, INDEX_KEY_ID, randomBytes(DATA_KEY_BYTES)),
        created_at: clock(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    row = await read();
  }
  if (row === undefined) throw new Error('the index key could not be created');
  return unwrapKey(keyring, INDEX_KEY_ID, row.master_version, row.wrapped);
}
