import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';
import { decide, isDecisionError, loadPolicyFile, type DecisionOutcome } from '../policy/index.ts';
import { parseRequests } from './parse-requests.ts';
import { readStdin } from './read-stdin.ts';

/** `hogo decide`: requests on standard input, one JSON result per line on standard output. */
export function registerDecideCommand(program: Command): void {
  program
    .command('decide')
    .description(
      'Decide requests read from standard input (a JSON object, an array, or one object per line); one result per line. Exit 2 if any request was malformed.',
    )
    .option('--policy <file>', 'policy file (default: HOGO_POLICY or the bundled policy)')
    .action(async (opts: { policy?: string }) => {
      const policy = loadPolicyFile(opts.policy ?? loadConfig().policyPath);
      const now = Date.now();
      let malformed = 0;
      const lines: string[] = [];
      for (const read of parseRequests(await readStdin())) {
        const outcome: DecisionOutcome =
          'error' in read
            ? { error: { code: 'request.invalid_json', message: read.error, path: '' } }
            : decide(policy, read.value, { now });
        if (isDecisionError(outcome)) malformed++;
        lines.push(JSON.stringify(outcome));
      }
      if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
      if (malformed > 0) {
        process.stderr.write(`hogo decide: ${malformed} malformed request(s)\n`);
        process.exitCode = 2;
      }
    });
}
