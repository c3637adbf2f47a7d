import type { Kysely } from 'kysely';

/**
 * The notices slice's table: the outbox of what is said to customers. The address and the
 * body are personal values: sealed under the customer's data key (context `notice:<id>:to`,
 * `notice:<id>:body`); lists show the masked address only. Instants are epoch ms.
 */
export type NoticeTables = {
  notices: {
    id: string;
    /** 'verification.code' | 'request.outcome' | 'incident.breach' */
    kind: string;
    /** 'email' | 'phone' | 'post': how it reaches the customer. */
    channel: string;
    customer_id: string;
    request_id: string | null;
    lang: string;
    to_masked: string;
    to_sealed: Uint8Array;
    /** A template's subject: never a personal value. */
    subject: string;
    body_sealed: Uint8Array;
    created_at: number;
    sent_at: number | null;
    /** The last failure's code (e.g. ECONNREFUSED); never the address or the body. */
    failure: string | null;
    attempts: number;
    /** After a failure: not to be tried again before this; null when sent, new or given up. */
    next_attempt_at: number | null;
    /** When it was given up after the last try allowed (or expired unsent): failed for good. */
    failed_at: number | null;
    /** What it says stops being true then (a one-time code): never sent after it. */
    expires_at: number | null;
    /** The print batch a letter by post was put in; null until then (and for e-mail, phone). */
    batch_id: string | null;
  };
  /**
   * Letters by post gathered for the mail house. The PDF is never stored: it is built from the
   * sealed notices when the batch is taken, so nothing personal sits in plain text at rest.
   */
  print_batches: {
    id: string;
    created_at: number;
    created_by: string;
    letters: number;
    /** When the mail house took it (its letters then count as sent); null before. */
    taken_at: number | null;
    taken_by: string | null;
  };
};

/** The store narrowed to the notices table. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const noticesDb = (db: Kysely<any>): Kysely<NoticeTables> => db as Kysely<NoticeTables>;
