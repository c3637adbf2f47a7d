/**
 * A domain error with a stable machine code. The domain knows no transport: `src/http` maps
 * the code's kind to a status, `src/cli` to an exit code.
 */
export class HogoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}
