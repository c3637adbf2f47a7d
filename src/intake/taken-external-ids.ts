import type { Kysely } from 'kysely';

/**
 * Which of these external IDs a customer (even an erased one) already holds.
 *
 * Reads the registry's `customers` table directly, which a slice should not: the registry
 * exports no look-up by external ID yet. Replace with its function once it has one.
 */
export async function takenExternalIds(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  externalIds: readonly string[],
  maxParameters: number,
): Promise<Set<string>> {
  const taken = new Set<string>();
  const chunk = Math.max(1, maxParameters - 10);
  for (let i = 0; i < externalIds.length; i += chunk) {
    const rows = (await db
      .selectFrom('customers')
      .select('external_id')
      .where('external_id', 'in', externalIds.slice(i, i + chunk))
      .execute()) as { external_id: string }[];
    for (const r of rows) taken.add(r.external_id);
  }
  return taken;
}
