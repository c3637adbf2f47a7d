import type { ErrorKind } from '../errors/index.ts';

/** hogo's exit codes: 0 done, 1 refused or failed, 2 bad input (as `hogo policy check` has them). */
export const EXIT_BY_KIND: Readonly<Record<ErrorKind, 1 | 2>> = {
  invalid: 2,
  too_large: 2,
  unauthenticated: 1,
  forbidden: 1,
  not_found: 1,
  conflict: 1,
  gone: 1,
  refused: 1,
  locked: 1,
  rate_limited: 1,
  not_implemented: 1,
  internal: 1,
};
