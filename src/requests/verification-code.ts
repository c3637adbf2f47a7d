import { randomInt } from 'node:crypto';
import type { KeyService } from '../security/index.ts';

/** How long a one-time code is good for, and how many wrong codes lock it (REQUEST.WEB). */
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_FAILURES = 5;

/** A fresh 6-digit code, uniformly drawn. */
export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/**
 * The keyed hash a code is stored as: HMAC-SHA-256 under the index key (the key service's
 * blind index), bound to its verification. A copy of the database alone cannot try the
 * million codes. The NUL-separated 'otp' prefix keeps it apart from any phone index.
 */
export function codeHash(keys: KeyService, verificationId: string, code: string): Buffer {
  return keys.blindIndex('phone', `otp\u0000${verificationId}\u0000${code}`);
}
