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
};

/** The store narrowed to the requests tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const requestsDb = (db: Kysely<any>): Kysely<RequestTables> => db as Kysely<RequestTables>;
