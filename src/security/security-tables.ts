import type { Kysely } from 'kysely';

/** The security slice's tables, as Kysely sees them (`securityDb(store.db)`). */
export type SecurityTables = {
  data_keys: {
    customer_id: string;
    master_version: number;
    /** Null once shredded: the row stays so that later writes are refused. */
    wrapped: Uint8Array | null;
    created_at: number;
    shredded_at: number | null;
  };
  key_material: {
    id: string;
    master_version: number;
    wrapped: Uint8Array;
    created_at: number;
  };
  users: {
    id: string;
    name: string;
    role: string;
    scope_categories: string;
    scope_purposes: string;
    scope_groups: string;
    password_hash: string;
    disabled: number;
    created_at: number;
  };
  api_tokens: {
    id: string;
    label: string;
    role: string;
    scope_categories: string;
    scope_purposes: string;
    scope_groups: string;
    secret_hash: Uint8Array;
    created_by: string;
    created_at: number;
    expires_at: number | null;
    revoked_at: number | null;
  };
  sessions: {
    id: string;
    user_id: string;
    token_hash: Uint8Array;
    created_at: number;
    expires_at: number;
    ended_at: number | null;
  };
  requester_tokens: {
    id: string;
    /** The one customer the token acts for (REQUEST.WEB). */
    customer_id: string;
    token_hash: Uint8Array;
    created_at: number;
    expires_at: number;
    /** When the customer signed out; null while the token lives. */
    ended_at: number | null;
  };
  login_failures: {
    name_hash: Uint8Array;
    at: number;
    /** SHA-256 of the client network the attempt came from; null for failures kept from before. */
    network_hash?: Uint8Array | null;
  };
  audit_log: {
    seq: number;
    at: number;
    actor: string;
    action: string;
    customer_id: string | null;
    item_ids: string;
    decision: string | null;
    clauses: string;
    detail: string;
    prev_hash: string;
    hash: string;
  };
  audit_head: {
    id: number;
    seq: number;
    hash: string;
  };
};

/** The store's database seen through the security slice's tables (typed queries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const securityDb = (db: Kysely<any>): Kysely<SecurityTables> => db as Kysely<SecurityTables>;
