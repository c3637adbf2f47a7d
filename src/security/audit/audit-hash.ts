import * as crypto from 'node:crypto';

// crypto.hash (Node ≥ 20.12) hashes a string in one call; older versions take a Hash object.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string })
  .hash;
const sha256Hex: (text: string) => string =
  oneShot !== undefined
    ? (text) => oneShot('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

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
  return sha256Hex(canonical);
}

/** JSON with object keys sorted at every depth, so equal details serialize identically. */
export function canonicalJson(value: unknown): string {
  // Plain data whose keys are already in order needs no replacer: JSON.stringify writes it so.
  return isCanonical(value) ? JSON.stringify(value) : generalJson(value);
}

// A key JSON.stringify would write before the others whatever their order (an array index).
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

/**
 * Whether JSON.stringify alone writes `v` canonically: plain data only — strings, numbers,
 * booleans, null, arrays, objects of Object.prototype (or none) without toJSON — every
 * object's keys already sorted, none index-like, no value JSON would leave out.
 */
function isCanonical(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    case 'object': {
      if (v === null) return true;
      if (Array.isArray(v)) {
        if (Object.getPrototypeOf(v) !== Array.prototype) return false;
        for (let i = 0; i < v.length; i++) if (!isCanonical(v[i])) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      const o = v as Record<string, unknown>;
      if (typeof o.toJSON === 'function') return false;
      let previous: string | undefined;
      for (const k in o) {
        if (!Object.hasOwn(o, k)) return false;
        if (previous !== undefined && !(previous < k)) return false;
        if (INDEX_LIKE.test(k) || !isCanonical(o[k])) return false;
        previous = k;
      }
      return true;
    }
    default:
      return false;
  }
}

function generalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
