import { Command, CommanderError } from 'commander';
import { registerIntakeCommands } from '../intake/intake-commands.ts';
import { registerRequestCommands } from '../requests/request-commands.ts';
import { registerNoticeCommands } from '../notices/notice-commands.ts';
import { registerProvisionCommands } from '../provision/provision-commands.ts';
import { registerDecideCommand } from './decide-command.ts';
import { registerPolicyCommands } from './policy-commands.ts';
import { registerSecurityCommands } from './security-commands.ts';
import { registerServeCommand } from './serve-command.ts';
import { CliError } from './cli-error.ts';

/** Builds the `hogo` program; each slice contributes its commands. */
export function buildProgram(): Command {
  const program = new Command('hogo')
    .description('hogo (保護): the privacy policy as software')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerDecideCommand(program);
  registerPolicyCommands(program);
  registerServeCommand(program);
  registerSecurityCommands(program);
  registerIntakeCommands(program);
  registerProvisionCommands(program);
  registerRequestCommands(program);
  registerNoticeCommands(program);
  return program;
}

/** Runs `hogo` with arguments; returns the exit code (0 ok, 1 failed check, 2 bad input). */
export async function main(argv: readonly string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`hogo: ${e.message}\n`);
      return e.exitCode;
    }
    const problems = (e as { problems?: unknown }).problems;
    if (Array.isArray(problems)) {
      process.stderr.write(`hogo: the policy file has problems:\n${(e as Error).message}\n`);
      return 1;
    }
    process.stderr.write(`hogo: unexpected error: ${(e as Error).message}\n`);
    return 1;
  }
}

let pipeWatched = false;

/**
 * `hogo policy diff | head`: once the reader has closed the pipe nothing more can be said, so
 * the command ends at once with status 0, as Unix tools do, instead of dying on EPIPE.
 */
export function endQuietlyOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}
