import type { Kysely } from 'kysely';

/**
 * The requests slice's tables. A request's columns that lists filter on are columns; the
 * whole model is kept as JSON in `body` (no personal values: the customer is an id, lines are
 * ids, an agent is described by authority and evidence only). Instants are epoch ms.
 */
export type RequestTables = {
  requests: {
    id: string;
    kind: string;
    customer_id: string;
    state: string;
    received_at: number;
    due_at: number;
    /** Null while open; when notified or cancelled. */
    closed_at: number | null;
    updated_at: number;
    body: string;
    /**
     * `<customerId>:<kind>` while a request filed by the customer on the web is open, else
     * null (unique: one open request of a kind per customer from the web).
     */
    open_key?: string | null;
  };
  request_events: {
    id: string;
    request_id: string;
    /** 1, 2, … per request: the order events happened in. */
    seq: number;
    type: string;
    from_state: string | null;
    to_state: string;
    actor: string;
    at: number;
    /** JSON; what the event carried, without personal values. */
    detail: string | null;
  };
  request_verifications: {
    id: string;
    /** 'email' | 'phone': where the code was sent. */
    channel: string;
    /** The customer the address matched; null when none did (no code exists then). */
    customer_id: string | null;
    /** Keyed hash (HMAC under the index key) of the code; null when no customer matched. */
    code_hash: Uint8Array | null;
    lang: string;
    /** Wrong codes given; five lock the verification. */
    failures: number;
    created_at: number;
    expires_at: number;
    /** When the code was accepted (a code is good once). */
    used_at: number | null;
  };
  request_packages: {
    request_id: string;
    customer_id: string;
    /** 'hogo/disclosure@1' | 'hogo/provision-records@1' */
    format: string;
    /** The package JSON, sealed under the customer's data key (context `package:<requestId>`). */
    body_sealed: Uint8Array;
    sha256: string;
    created_at: number;
  };
  /** REQUEST.WEB: one-time-code starts counted per keyed hash of an address or client IP. */
  verification_limits: {
    /** 'address:<hex>' | 'ip:<hex>': a keyed hash (HMAC under the index key), never the value. */
    key: string;
    /** JSON array of the epoch ms of each start counted, within the longest window. */
    hits: string;
    /** When the newest start leaves the longest window: the row may be deleted then. */
    expires_at: number;
  };
  family_calls: {
    id: string;
    customer_id: string;
    relation: string;
    /** 'answered' | 'not_family' | 'mismatch' | 'refused' */
    outcome: string;
    /** The ledger's provision when answered. */
    provision_id: string | null;
    /** JSON {callerName, operatorNote} sealed under the customer's data key (`family-call:<id>`); null when refused before the customer was read. */
    caller_sealed: Uint8Array | null;
    at: number;
    by: string;
  };
};

/** The store narrowed to the requests tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const requestsDb = (db: Kysely<any>): Kysely<RequestTables> => db as Kysely<RequestTables>;
