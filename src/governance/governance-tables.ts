import type { Kysely } from 'kysely';

/** The governance slice's tables as Kysely sees them (instants epoch ms). */
export type GovernanceTables = {
  inspections: {
    id: string;
    checklist_id: string;
    department: string;
    /** The day it is due (YYYY-MM-DD, policy time zone): the schedule's, not the start's. */
    due_on: string;
    /** 'open' | 'closed'. */
    state: string;
    started_by: string;
    started_at: number;
    closed_by: string | null;
    closed_at: number | null;
  };
  inspection_answers: {
    inspection_id: string;
    question_id: string;
    /** 'ok' | 'finding' | 'na'. */
    result: string;
    /** What was found, as staff wrote it (never a customer's value). */
    finding: string | null;
    answered_by: string;
    answered_at: number;
  };
  inspection_follow_ups: {
    id: string;
    inspection_id: string;
    question_id: string;
    action: string;
    /** Who must carry it out (a staff user's name or a department). */
    owner: string;
    due_on: string;
    /** 'open' | 'closed'. */
    state: string;
    created_by: string;
    created_at: number;
    closed_by: string | null;
    closed_at: number | null;
  };
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
