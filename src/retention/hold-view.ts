import type { RetentionTables } from './retention-tables.ts';

/** A legal hold as the API shows it. */
export interface HoldView {
  readonly id: string;
  readonly customerId: string;
  readonly reason: string;
  readonly reference: string | null;
  readonly placedBy: string;
  readonly placedAt: string;
  readonly until: string | null;
  readonly releasedAt: string | null;
  readonly releasedBy: string | null;
  /** In force now: not released and not past its end. */
  readonly active: boolean;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** The view of a hold row at `now`. */
export function holdView(row: RetentionTables['legal_holds'], now: number): HoldView {
  return {
    id: row.id,
    customerId: row.customer_id,
    reason: row.reason,
    reference: row.reference,
    placedBy: row.placed_by,
    placedAt: iso(row.placed_at)!,
    until: iso(row.until_at),
    releasedAt: iso(row.released_at),
    releasedBy: row.released_by,
    active: isActive(row, now),
  };
}

/** RETAIN.HOLD: a hold binds from its placing until released or past its end. */
export function isActive(row: RetentionTables['legal_holds'], now: number): boolean {
  return row.released_at === null && (row.until_at === null || Number(row.until_at) > now);
}
