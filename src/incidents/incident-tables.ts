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
  /** Reports filed, each filing a version kept as filed. */
  incident_reports: {
    id: string;
    incident_id: string;
    /** 'ppc' (APPI Art. 26, PPC Rules Art. 8) | 'tba' (Telecommunications Business Act Art. 28). */
    track: string;
    /** 'preliminary' | 'final' */
    stage: string;
    /** 1, 2, … per incident and track. */
    version: number;
    /** JSON: the nine items of Rule 8(1) (ReportItems), the company's account, no personal value. */
    items: string;
    filed_by: string;
    filed_at: number;
  };
  /** Which persons were given the breach notice of an incident, and which notice it was. */
  incident_notices: {
    incident_id: string;
    customer_id: string;
    notice_id: string;
    created_at: number;
  };
  /** Suspected violations reported (SECURITY.3). */
  violation_reports: {
    id: string;
    /** 1 when sent through the anonymous form: no reporter kept. */
    anonymous: number;
    reported_by: string | null;
    /** What is suspected, in the reporter's words (refused when it holds a person's value). */
    summary: string;
    /** 'open' | 'incident' | 'closed' */
    status: string;
    incident_id: string | null;
    close_reason: string | null;
    triaged_by: string | null;
    triaged_at: number | null;
    created_at: number;
  };
};

/** The store's database seen through the incidents tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const incidentDb = (db: Kysely<any>): Kysely<IncidentTables> => db as Kysely<IncidentTables>;
