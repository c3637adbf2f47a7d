import type { Kysely } from 'kysely';

/** The incidents slice's tables as Kysely sees them (instants in epoch ms, booleans 0/1). */
export type IncidentTables = {
  incidents: {
    id: string;
    /** YYYY-MM-DD in Japan: day 1 of every period. */
    known_on: string;
    persons: number;
    /** JSON: the facts of PPC Rules Art. 7 and the registry query (no personal value). */
    facts: string;
    /** JSON: the duties decided when recorded (BreachDuties). */
    duties: string;
    reportable: number;
    preliminary_due: string | null;
    final_due: string | null;
    created_by: string;
    created_at: number;
  };
};

/** The store's database seen through the incidents tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const incidentDb = (db: Kysely<any>): Kysely<IncidentTables> => db as Kysely<IncidentTables>;
