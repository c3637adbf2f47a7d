import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';
import {
  diffPolicy,
  formatDiff,
  formatProblem,
  loadPolicyFile,
  parseInstant,
  parsePolicy,
  type CompiledPolicy,
  policyAt,
  policyJsonSchema,
  renderPolicy,
} from '../policy/index.ts';
import { CliError } from './cli-error.ts';

/** `--at` and friends: YYYY-MM-DD (midnight in the policy's zone) or an ISO 8601 date-time. */
function instant(policy: CompiledPolicy, value: string | undefined, option: string): number {
  if (value === undefined) return Date.now();
  try {
    if (!/^\d{4}-\d{2}-\d{2}(T.+)?$/.test(value)) throw new Error();
    return parseInstant(value, policy.offset);
  } catch {
    throw new CliError(`${option} must be YYYY-MM-DD or an ISO 8601 date-time, got '${value}'`);
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`${option} must be one of ${allowed.join(', ')}, got '${value}'`);
  }
  return value as T;
}

/** `hogo policy …`: check, show, diff, render and the JSON Schema of policy files. */
export function registerPolicyCommands(program: Command): void {
  const policyCommand = program
    .command('policy')
    .description('Check, show, compare and publish the policy.');
  const load = (file: string | undefined) => loadPolicyFile(file ?? loadConfig().policyPath);

  policyCommand
    .command('check')
    .description(
      'Check policy files; every problem with file:line:column and clause ID. Exit 1 on any problem.',
    )
    .argument('<files...>', 'policy files')
    .action((files: string[]) => {
      let failed = 0;
      for (const file of files) {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (e) {
          process.stderr.write(
            `${file}:1:1 cannot read: ${(e as Error).message} (policy.unreadable)\n`,
          );
          failed++;
          continue;
        }
        const result = parsePolicy(text, file);
        if (result.ok) {
          const p = result.policy;
          process.stdout.write(
            `${file}: ok — ${p.document.id}, ${p.versions.length} versions, ${p.purposes.size} purposes, ${p.rules.length} rules, ${p.document.clauses.length} clauses\n`,
          );
        } else {
          for (const problem of result.problems)
            process.stderr.write(`${formatProblem(problem)}\n`);
          process.stderr.write(`${file}: ${result.problems.length} problem(s)\n`);
          failed++;
        }
      }
      if (failed > 0) process.exitCode = 1;
    });

  policyCommand
    .command('show')
    .description('Print the policy in force at a date, as JSON.')
    .option(
      '--at <date>',
      'date (YYYY-MM-DD in the policy time zone) or ISO date-time; default now',
    )
    .option('--policy <file>', 'policy file')
    .action((opts: { at?: string; policy?: string }) => {
      const policy = load(opts.policy);
      process.stdout.write(
        `${JSON.stringify(policyAt(policy, instant(policy, opts.at, '--at')), null, 2)}\n`,
      );
    });

  policyCommand
    .command('diff')
    .description(
      'What changed between the versions in force at two dates: purposes and rules added, removed, changed.',
    )
    .requiredOption('--from <date>', 'earlier date')
    .requiredOption('--to <date>', 'later date')
    .option('--lang <lang>', 'en or ja', 'en')
    .option('--json', 'print the difference as JSON')
    .option('--policy <file>', 'policy file')
    .action((opts: { from: string; to: string; lang: string; json?: boolean; policy?: string }) => {
      const lang = oneOf(opts.lang, ['en', 'ja'] as const, '--lang');
      const policy = load(opts.policy);
      const diff = diffPolicy(
        policy,
        instant(policy, opts.from, '--from'),
        instant(policy, opts.to, '--to'),
      );
      process.stdout.write(
        opts.json ? `${JSON.stringify(diff, null, 2)}\n` : `${formatDiff(diff, lang).join('\n')}\n`,
      );
    });

  policyCommand
    .command('render')
    .description('Render the public policy page from the enforced file.')
    .option('--lang <lang>', 'en or ja', 'en')
    .option('--format <format>', 'html or md', 'html')
    .option('--at <date>', 'the version in force at this date; default now')
    .option('--policy <file>', 'policy file')
    .action((opts: { lang: string; format: string; at?: string; policy?: string }) => {
      const lang = oneOf(opts.lang, ['en', 'ja'] as const, '--lang');
      const format = oneOf(opts.format, ['html', 'md'] as const, '--format');
      const policy = load(opts.policy);
      process.stdout.write(
        renderPolicy(policy, { lang, format, at: instant(policy, opts.at, '--at') }),
      );
    });

  policyCommand
    .command('schema')
    .description('Print the JSON Schema of policy files, for editors.')
    .action(() => {
      process.stdout.write(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
    });
}
