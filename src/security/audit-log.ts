import type { Kysely } from 'kysely';
import type { AuditEvent } from './audit-entry.ts';

/** The result of checking the chain: ok, or the first entry that does not verify. */
export type AuditVerification =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly entries: number; readonly firstBad: number; readonly problem: string };

/** The append-only, hash-chained audit log. */
export interface AuditLog {
  /** Appends events in order, inside `db` (the caller's transaction, so they commit together). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  append(db: Kysely<any>, events: readonly AuditEvent[]): Promise<void>;
  /** Walks the whole chain; names the first changed, removed or reordered entry. */
  verify(): Promise<AuditVerification>;
}
