import type { Kysely } from 'kysely';
import type { AuditEvent } from './audit-entry.ts';

/** The result of checking the chain: ok, or the first entry that does not verify. */
export type AuditVerification =
  | { readonly ok: true; readonly entries: number }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly firstBad: number;
      readonly problem: string;
    };

/** One stored entry: the event as appended, its place in the chain and when. */
export interface AuditRecord extends AuditEvent {
  readonly seq: number;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly hash: string;
}

/** Which entries `list` returns: newest first, optionally about one customer, before a seq. */
export interface AuditQuery {
  readonly customerId?: string;
  readonly beforeSeq?: number;
  readonly limit: number;
}

/** The append-only, hash-chained audit log. */
export interface AuditLog {
  /** Appends events in order, inside `db` (the caller's transaction, so they commit together). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  append(db: Kysely<any>, events: readonly AuditEvent[]): Promise<void>;
  /** Walks the whole chain; names the first changed, removed or reordered entry. */
  verify(): Promise<AuditVerification>;
  /** Reads entries newest first (for inspections, SECURITY.3); the log has no update or delete. */
  list(query: AuditQuery): Promise<AuditRecord[]>;
}
