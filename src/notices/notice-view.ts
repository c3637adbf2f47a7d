import type { NoticeTables } from './notice-tables.ts';

/** A notice as the outbox lists it: the masked address, no body. */
export interface NoticeView {
  readonly id: string;
  readonly to: string;
  readonly channel: string;
  readonly subject: string;
  readonly lang: string;
  readonly kind: string;
  readonly customerId: string;
  readonly requestId?: string;
  readonly createdAt: string;
  readonly sentAt?: string;
  readonly failure?: string;
  readonly attempts: number;
  /**
   * 'queued' (not tried: no SMTP, or not by e-mail), 'sent', 'retrying' (failed, to be tried
   * again at `nextAttemptAt`), 'failed' (given up after the last try, or expired unsent, at
   * `failedAt`), 'batched' (a letter by post in a print batch the mail house has not taken yet).
   */
  readonly status: 'queued' | 'sent' | 'retrying' | 'failed' | 'batched';
  /** The print batch of a letter by post. */
  readonly batchId?: string;
  readonly nextAttemptAt?: string;
  readonly failedAt?: string;
  /** A one-time code's validity: not sent after it. */
  readonly expiresAt?: string;
}

/** The view of a notice row (nothing decrypted). */
export function noticeView(
  row: Omit<NoticeTables['notices'], 'to_sealed' | 'body_sealed'>,
): NoticeView {
  return {
    id: row.id,
    to: row.to_masked,
    channel: row.channel,
    subject: row.subject,
    lang: row.lang,
    kind: row.kind,
    customerId: row.customer_id,
    ...(row.request_id !== null ? { requestId: row.request_id } : {}),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    ...(row.sent_at !== null ? { sentAt: new Date(Number(row.sent_at)).toISOString() } : {}),
    ...(row.failure !== null ? { failure: row.failure } : {}),
    attempts: Number(row.attempts),
    status:
      row.sent_at !== null
        ? 'sent'
        : row.failed_at !== null
          ? 'failed'
          : row.next_attempt_at !== null
            ? 'retrying'
            : row.batch_id !== null
              ? 'batched'
              : 'queued',
    ...(row.batch_id !== null ? { batchId: row.batch_id } : {}),
    ...(row.next_attempt_at !== null && row.sent_at === null && row.failed_at === null
      ? { nextAttemptAt: new Date(Number(row.next_attempt_at)).toISOString() }
      : {}),
    ...(row.failed_at !== null ? { failedAt: new Date(Number(row.failed_at)).toISOString() } : {}),
    ...(row.expires_at !== null
      ? { expiresAt: new Date(Number(row.expires_at)).toISOString() }
      : {}),
  };
}
