import type { Kysely } from 'kysely';

/** Encrypts and decrypts one customer's personal values with that customer's data key. */
export interface CustomerCipher {
  /**
   * AES-256-GCM under the customer's data key. `context` (e.g. `item:<id>`) is bound as
   * additional data, so a ciphertext moved to another row does not decrypt.
   */
  encrypt(plaintext: string, context: string): Buffer;
  /** Throws a HogoError 'keys.decrypt_failed' when the ciphertext or its context is wrong. */
  decrypt(ciphertext: Uint8Array, context: string): string;
}

/**
 * Encryption at rest: one data key per customer, wrapped by a master key; blind indexes for
 * lookups; crypto-shredding; rotation of the master key while serving.
 */
export interface KeyService {
  /**
   * Ciphers for these customers, within `db` (pass the transaction that writes their rows).
   * Creates, wraps and stores a data key for a customer that has none. Throws HogoError
   * 'keys.shredded' for a customer whose key was erased.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ciphersFor(db: Kysely<any>, customerIds: readonly string[]): Promise<Map<string, CustomerCipher>>;
  /**
   * Ciphers for customers being created in this transaction `db`, their ids freshly allocated
   * (`newId`): a data key is generated, wrapped and inserted for each without first looking for
   * one (a bulk import's batch saves a SELECT and the conflict handling). An id that already has
   * a key is never overwritten: its insert fails, and with it the caller's transaction.
   */
  createCiphers(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    db: Kysely<any>,
    customerIds: readonly string[],
  ): Promise<Map<string, CustomerCipher>>;
  /** HMAC-SHA-256 of a normalized value under the index key, for equality lookups. */
  blindIndex(kind: 'email' | 'phone', normalized: string): Buffer;
  /**
   * A keyed MAC (HMAC-SHA-256 under the index key, kept apart from blind indexes) that vouches
   * for `text`: the index key is stored wrapped by the master key, so no one holding only the
   * database can make or check one.
   */
  attest(purpose: 'audit-anchor' | 'erased-external-id', text: string): Buffer;
  /** Erases the customer's data key: every value of theirs becomes unreadable, everywhere. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  shred(db: Kysely<any>, customerId: string): Promise<void>;
  /** Re-wraps every data key under the newest master key, in batches, without downtime. */
  rotate(onProgress?: (done: number) => void): Promise<{ readonly rewrapped: number }>;
}
