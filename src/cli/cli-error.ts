/** An error the CLI prints as one readable line, with its exit code (2: bad input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
