import { createHash } from 'node:crypto';

/** The stored fields an entry's hash covers, as they sit in the table (JSON kept as text). */
export interface HashedFields {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly customer_id: string | null;
  readonly item_ids: string;
  readonly decision: string | null;
  readonly clauses: string;
  readonly detail: string;
  readonly prev_hash: string;
}

/**
 * SHA-256 (hex) over a canonical serialization of the entry and the previous hash
 * (SECURITY.3, SECURITY.6): a JSON array in fixed field order of the stored texts, so
 * verification recomputes it from the row alone.
 */
export function entryHash(f: HashedFields): string {
  const canonical = JSON.stringify([
    f.seq,
    f.at,
    f.actor,
    f.action,
    f.customer_id,
    f.item_ids,
    f.decision,
    f.clauses,
    f.detail,
    f.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** JSON with object keys sorted at every depth, so equal details serialize identically. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
