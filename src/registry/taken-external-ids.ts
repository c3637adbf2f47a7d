import type { Kysely } from 'kysely';
import { erasedExternalId } from './delete-customer.ts';
import { registryDb } from './registry-tables.ts';
import type { KeyService } from '../security/index.ts';

/**
 * Which of these external IDs a customer (even an erased one) already holds: an import skips
 * them, so a rerun never registers a customer twice.
 */
export async function takenExternalIds(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  keys: KeyService,
  externalIds: readonly string[],
  maxParameters: number,
): Promise<Set<string>> {
  // An erased customer's tombstone keeps a keyed MAC of the number, not the number.
  const byStored = new Map<string, string>();
  for (const id of externalIds) {
    byStored.set(id, id);
    byStored.set(erasedExternalId(keys, id), id);
  }
  const stored = [...byStored.keys()];
  const taken = new Set<string>();
  const chunk = Math.max(1, maxParameters - 10);
  for (let i = 0; i < stored.length; i += chunk) {
    const rows = await registryDb(db)
      .selectFrom('customers')
      .select('external_id')
      .where('external_id', 'in', stored.slice(i, i + chunk))
      .execute();
    for (const r of rows) if (r.external_id !== null) taken.add(byStored.get(r.external_id)!);
  }
  return taken;
}
