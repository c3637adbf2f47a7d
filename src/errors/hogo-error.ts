import { kindOf, type ErrorCode } from './error-catalog.ts';
import type { ErrorKind } from './error-kind.ts';

/**
 * A domain error with a stable machine code from the catalog. The domain knows no transport:
 * `src/http` maps the code's kind to a status, `src/cli` to an exit code.
 */
export class HogoError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }

  /** What kind of failure this is (the catalog's entry for the code). */
  get kind(): ErrorKind {
    return kindOf(this.code);
  }
}
