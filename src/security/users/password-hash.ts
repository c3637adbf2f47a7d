import { hash, verify } from '@node-rs/argon2';

// Argon2id (the library's default algorithm) at its defaults: 19 MiB, 2 passes, 1 lane, the
// OWASP minimum for interactive sign-in.

/** Argon2id PHC string of a password; the password itself is never stored. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | undefined;

/**
 * True when the password matches the hash. With no hash (unknown user) it still spends the
 * same work, so response time does not reveal which login names exist.
 */
export async function verifyPassword(
  stored: string | undefined,
  password: string,
): Promise<boolean> {
  if (stored === undefined) {
    dummy ??= hash('hogo: no such user');
    await verify(await dummy, password);
    return false;
  }
  return verify(stored, password);
}
