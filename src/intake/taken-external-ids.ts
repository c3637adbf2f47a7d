import type { Kysely } from 'kysely';
import { erasedExternalId } from '../registry/index.ts';
import type { KeyService } from '../security/keys/key-service.ts';

/**
 * Which of these external IDs a customer (even an erased one) already holds.
 *
 * Reads the registry's `customers` table directly, which a slice should not: the registry
 * exports no look-up by external ID yet. Replace with its function once it has one.
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
    const rows = (await db
      .selectFrom('customers')
      .select('external_id')
      .where('external_id', 'in', stored.slice(i, i + chunk))
      .execute()) as { external_id: string }[];
    for (const r of rows) taken.add(byStored.get(r.external_id)!);
  }
  return taken;
}
