/** A notice to put in the outbox: who, how, and what is said (in the customer's language). */
export interface NoticeInput {
  readonly kind: 'verification.code' | 'request.outcome' | 'incident.breach';
  readonly channel: 'email' | 'phone' | 'post';
  readonly customerId: string;
  readonly requestId?: string;
  readonly lang: 'en' | 'ja';
  /** The address on file, normalized; sealed at rest. */
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** Epoch ms after which what it says no longer holds (a one-time code): not sent after. */
  readonly expiresAt?: number;
}
