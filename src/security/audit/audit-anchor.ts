import { timingSafeEqual } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { Store } from '../../store/index.ts';
import type { KeyService } from '../keys/key-service.ts';
import { securityDb } from '../security-tables.ts';

/**
 * A signed record of the chain's head at a moment (SECURITY.3): the last entry's place and
 * hash, vouched for by a MAC under a key the database does not hold. Kept outside the database
 * (a file, a ticket, a mail), it lets `hogo audit verify --anchors` catch what the chain alone
 * cannot: a chain rewritten from some entry on with every hash recomputed.
 */
export interface AuditAnchor {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  readonly mac: string;
}

const signed = (a: Omit<AuditAnchor, 'mac'>) => `${a.seq}\u0000${a.hash}\u0000${a.at}`;

/** An anchor of the chain's current head (seq 0 and an empty hash for an empty log). */
export async function createAuditAnchor(
  store: Store,
  keys: KeyService,
  now: number,
): Promise<AuditAnchor> {
  const head = await securityDb(store.db)
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const fields = {
    seq: Number(head?.seq ?? 0),
    hash: head?.hash ?? '',
    at: new Date(now).toISOString(),
  };
  return { ...fields, mac: keys.attest('audit-anchor', signed(fields)).toString('hex') };
}

/** What checking one anchor found: null when it holds, else the problem in words. */
export async function checkAuditAnchor(
  store: Store,
  keys: KeyService,
  anchor: unknown,
): Promise<string | null> {
  if (!isAnchor(anchor)) return 'not an anchor: seq, hash, at and mac are required';
  const expected = keys.attest('audit-anchor', signed(anchor));
  const given = Buffer.from(anchor.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return 'its MAC does not verify: the anchor was altered or made without this installation’s keys';
  }
  if (anchor.seq === 0) return null;
  const entry = await securityDb(store.db)
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', anchor.seq)
    .executeTakeFirst();
  if (entry === undefined) return `entry ${anchor.seq}, anchored ${anchor.at}, is gone`;
  if (entry.hash !== anchor.hash) {
    return `entry ${anchor.seq} no longer has the hash anchored ${anchor.at}: the chain was rewritten up to it`;
  }
  return null;
}

function isAnchor(v: unknown): v is AuditAnchor {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    Number.isSafeInteger(a.seq) &&
    (a.seq as number) >= 0 &&
    typeof a.hash === 'string' &&
    typeof a.at === 'string' &&
    typeof a.mac === 'string' &&
    /^[0-9a-f]{64}$/.test(a.mac)
  );
}

/** Anchors the chain's head and appends the anchor to `file` as one JSON line (mode 0600). */
export async function appendAuditAnchor(
  store: Store,
  keys: KeyService,
  now: number,
  file: string,
): Promise<AuditAnchor> {
  const anchor = await createAuditAnchor(store, keys, now);
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  return anchor;
}
