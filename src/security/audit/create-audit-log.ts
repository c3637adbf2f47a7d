import { type Kysely, sql } from 'kysely';
import type { BulkColumn, Store } from '../../store/index.ts';
import type { AuditEvent } from '../audit-entry.ts';
import type { AuditLog, AuditRecord } from '../audit-log.ts';
import { securityDb, type SecurityTables } from '../security-tables.ts';
import { canonicalJson, entryHash } from './audit-hash.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

/** Options of `createAuditLog`. */
export interface AuditLogOptions {
  readonly clock?: () => number;
}

type Row = SecurityTables['audit_log'];

// The columns of audit_log, in the order the rows below give their values.
const COLUMNS: readonly BulkColumn[] = [
  { name: 'seq', type: 'bigint' },
  { name: 'at', type: 'bigint' },
  { name: 'actor', type: 'text' },
  { name: 'action', type: 'text' },
  { name: 'customer_id', type: 'text' },
  { name: 'item_ids', type: 'text' },
  { name: 'decision', type: 'text' },
  { name: 'clauses', type: 'text' },
  { name: 'detail', type: 'text' },
  { name: 'prev_hash', type: 'text' },
  { name: 'hash', type: 'text' },
];

/**
 * The tamper-evident audit log (SECURITY.3, SECURITY.6) in the `audit_log` table: each entry
 * carries the SHA-256 of itself and the entry before, so a changed, removed or reordered
 * entry breaks the chain. There is no API to update or delete an entry.
 */
export function createAuditLog(store: Store, options: AuditLogOptions = {}): AuditLog {
  const clock = options.clock ?? Date.now;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function appendIn(tx: Kysely<any>, events: readonly AuditEvent[]): Promise<void> {
    const t = securityDb(tx);
    // Updating the head first takes its row lock (PostgreSQL) or the write lock (SQLite)
    // before the previous hash is read, so concurrent appenders queue and the chain stays
    // linear on both engines; the lock is held until the caller's transaction ends.
    const head = await t
      .updateTable('audit_head')
      .set({ seq: sql`seq + ${events.length}` })
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    const at = clock();
    let seq = head.seq - events.length;
    let prev = head.hash;
    const rows = events.map((e): unknown[] => {
      const fields = {
        seq: ++seq,
        at,
        actor: e.actor,
        action: e.action,
        customer_id: e.customerId ?? null,
        item_ids: JSON.stringify(e.itemIds ?? []),
        decision: e.decision ?? null,
        clauses: JSON.stringify(e.clauses ?? []),
        detail: canonicalJson(e.detail ?? {}),
        prev_hash: prev,
      };
      prev = entryHash(fields);
      return [
        fields.seq,
        fields.at,
        fields.actor,
        fields.action,
        fields.customer_id,
        fields.item_ids,
        fields.decision,
        fields.clauses,
        fields.detail,
        fields.prev_hash,
        prev,
      ];
    });
    // The store's bulk path: a reused prepared statement (SQLite) or one unnest INSERT (PostgreSQL).
    await store.bulkInsert(tx, 'audit_log', COLUMNS, rows);
    await t.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
  }

  return {
    async append(db, events) {
      if (events.length === 0) return;
      // Outside a transaction the head lock would be released between the statements.
      if (db.isTransaction) await appendIn(db, events);
      else await db.transaction().execute((tx) => appendIn(tx, events));
    },

    verify: () => verifyAuditChain(store),

    async list(query) {
      let q = securityDb(store.db)
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(query.limit);
      if (query.customerId !== undefined) q = q.where('customer_id', '=', query.customerId);
      if (query.beforeSeq !== undefined) q = q.where('seq', '<', query.beforeSeq);
      return (await q.execute()).map(toRecord);
    },
  };
}

function toRecord(row: Row): AuditRecord {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    customerId: row.customer_id,
    itemIds: JSON.parse(row.item_ids) as string[],
    decision: row.decision as AuditRecord['decision'],
    clauses: JSON.parse(row.clauses) as string[],
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    hash: row.hash,
  };
}
