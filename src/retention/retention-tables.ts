import type { Kysely } from 'kysely';

/** The retention slice's tables as Kysely sees them (instants epoch ms). */
export type RetentionTables = {
  legal_holds: {
    id: string;
    customer_id: string;
    /** RETAIN.HOLD: one of HOLD_REASONS; never free text (nothing personal stored plain). */
    reason: string;
    /** A docket, case or letter number: checked to hold no personal value. */
    reference: string | null;
    placed_by: string;
    placed_at: number;
    /** The hold ends then by itself; null until released. */
    until_at: number | null;
    released_at: number | null;
    released_by: string | null;
  };
};

/** The store's database seen through the retention tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const retentionDb = (db: Kysely<any>): Kysely<RetentionTables> =>
  db as Kysely<RetentionTables>;
