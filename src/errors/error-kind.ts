/**
 * What kind of failure a domain error is. Adapters map kinds, never codes: `src/http` to a status,
 * `src/cli` to an exit code, each through one complete table.
 */
export type ErrorKind =
  /** The input is malformed or names something impossible. */
  | 'invalid'
  /** No valid credentials were given. */
  | 'unauthenticated'
  /** The principal may not do this (role, scope, or a rule of the policy about who may). */
  | 'forbidden'
  /** What was named does not exist (or is not visible to the principal). */
  | 'not_found'
  /** The state forbids it now (a transition, a duplicate, a concurrent change). */
  | 'conflict'
  /** It existed and is gone for good (a shredded key, an expired code). */
  | 'gone'
  /** The input is larger than allowed. */
  | 'too_large'
  /** Well-formed, but refused until something else exists (a diligence record, a legal basis). */
  | 'refused'
  /** Locked after too many attempts. */
  | 'locked'
  /** Too many requests: try again later. */
  | 'rate_limited'
  /** Not built. */
  | 'not_implemented'
  /** A fault of the system, not of the caller: logged, never detailed to the caller. */
  | 'internal';

/** Every kind, for tables that must be complete. */
export const ERROR_KINDS: readonly ErrorKind[] = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'too_large',
  'refused',
  'locked',
  'rate_limited',
  'not_implemented',
  'internal',
];
