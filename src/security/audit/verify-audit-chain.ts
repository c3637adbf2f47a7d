import type { Store } from '../../store/index.ts';
import type { AuditVerification } from '../audit-log.ts';
import { AUDIT_GENESIS_HASH } from '../security-migrations.ts';
import { securityDb } from '../security-tables.ts';
import { entryHash } from './audit-hash.ts';

const PAGE = 5_000;

/**
 * Walks the chain in seq order and recomputes every hash (SECURITY.3): names the first entry
 * that was changed, removed or moved, and a tail cut off after the last entry.
 */
export async function verifyAuditChain(store: Store): Promise<AuditVerification> {
  const db = securityDb(store.db);
  let expected = 1;
  let lastSeen = Number.MIN_SAFE_INTEGER;
  let prev = AUDIT_GENESIS_HASH;
  const bad = (firstBad: number, problem: string): AuditVerification => ({
    ok: false,
    entries: expected - 1,
    firstBad,
    problem,
  });
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', lastSeen)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      lastSeen = row.seq;
      if (row.seq < expected) return bad(row.seq, `entry ${row.seq} is not part of the chain`);
      if (row.seq > expected) return bad(expected, `entry ${expected} was removed`);
      if (row.prev_hash !== prev) {
        return bad(
          row.seq,
          `entry ${row.seq} does not follow entry ${row.seq - 1} (changed, removed or reordered)`,
        );
      }
      if (entryHash(row) !== row.hash) return bad(row.seq, `entry ${row.seq} was changed`);
      prev = row.hash;
      expected++;
    }
    if (rows.length < PAGE) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const last = expected - 1;
  if (head === undefined) return bad(1, 'the chain head is missing');
  if (head.seq > last) return bad(last + 1, `entry ${last + 1} and later were removed`);
  if (head.seq < last) {
    return bad(head.seq + 1, `entry ${head.seq + 1} and later were added outside the audit log`);
  }
  if (head.hash !== prev) return bad(last, `entry ${last} does not match the chain head`);
  return { ok: true, entries: last };
}
