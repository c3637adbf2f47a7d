import { Command, CommanderError } from 'commander';
import { registerIntakeCommands } from './intake-commands.ts';
import { registerRequestCommands } from './request-commands.ts';
import { registerNoticeCommands } from './notice-commands.ts';
import { registerProvisionCommands } from './provision-commands.ts';
import { registerAnonymizeCommand } from './anonymize-command.ts';
import { registerDecideCommand } from './decide-command.ts';
import { registerIncidentCommands } from './incident-commands.ts';
import { registerGovernanceCommands } from './governance-commands.ts';
import { registerInspectionCommands } from './inspection-commands.ts';
import { registerPolicyCommands } from './policy-commands.ts';
import { registerPrintBatchCommands } from './print-batch-commands.ts';
import { registerSecurityCommands } from './security-commands.ts';
import { registerRetentionCommands } from './retention-commands.ts';
import { registerServeCommand } from './serve-command.ts';
import { HogoError } from '../errors/index.ts';
import { CliError } from './cli-error.ts';
import { EXIT_BY_KIND } from './exit-code.ts';

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
  registerPrintBatchCommands(program);
  registerAnonymizeCommand(program);
  registerRetentionCommands(program);
  registerIncidentCommands(program);
  registerGovernanceCommands(program);
  registerInspectionCommands(program);
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
    // Every command's domain errors end here: one line, the exit code of the error's kind.
    if (e instanceof HogoError) {
      process.stderr.write(`hogo: ${e.message} (${e.code})\n`);
      return EXIT_BY_KIND[e.kind];
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
