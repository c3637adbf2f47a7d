import { createHash, randomBytes } from 'node:crypto';

/** Prefix of a session token (`hogo_ses_…`) and of an API token (`hogo_tok_…`). */
export const SESSION_PREFIX = 'hogo_ses_';
export const API_TOKEN_PREFIX = 'hogo_tok_';
/** Prefix of a customer's requester token (`hogo_req_…`), issued after a one-time code. */
export const REQUESTER_PREFIX = 'hogo_req_';

/** A random bearer secret with a recognisable prefix (secret scanners can spot a leak). */
export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** SHA-256 of a bearer secret: all that is stored, so a database leak yields no usable token. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** A random record id with a kind prefix (`usr_`, `tok_`, `ses_`). */
export function newId(prefix: string): string {
  return prefix + randomBytes(12).toString('base64url');
}

/** A random password for a new user: 24 characters, about 144 bits. */
export function newPassword(): string {
  return randomBytes(18).toString('base64url');
}
