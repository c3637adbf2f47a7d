import type { Kysely } from 'kysely';

/** The governance slice's tables as Kysely sees them (instants epoch ms). */
export type GovernanceTables = {
  training_completions: {
    id: string;
    user_id: string;
    course_id: string;
    /** The day completed (YYYY-MM-DD, policy time zone). */
    completed_on: string;
    recorded_by: string;
    recorded_at: number;
  };
  export_approvals: {
    id: string;
    /** One of EXPORT_KINDS. */
    kind: string;
    /** What is taken out: the platform of an ad export, the request of a package, … */
    subject: string;
    /** Why, as the requester wrote it (ids and purposes, never a customer's value). */
    reason: string;
    /** 'requested' | 'approved' | 'used'. */
    state: string;
    requested_by: string;
    requested_by_name: string;
    requested_at: number;
    approved_by: string | null;
    approved_at: number | null;
    used_by: string | null;
    used_at: number | null;
  };
};

/** The store's database seen through the governance tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const governanceDb = (db: Kysely<any>): Kysely<GovernanceTables> =>
  db as Kysely<GovernanceTables>;
