import type { Command } from 'commander';
import { CliError } from './cli-error.ts';
import { loadConfig } from '../config/index.ts';
import { loadPolicyFile } from '../policy/index.ts';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { withContext } from './with-context.ts';
import type { Principal } from '../security/index.ts';
import {
  answerFamilyCall,
  CALLER_RELATIONS,
  feeFor,
  listRequests,
  requestDetail,
  isRequestState,
  formatFee,
  SHORT_KINDS,
} from '../requests/index.ts';

function positiveInt(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`${option} must be a positive integer, got '${value}'`);
  return n;
}

/** Who reads requests from the command line: the OS user, with the auditor's read-only role. */
function cliReader(): Principal {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry in a container: the job name still says what acted.
  }
  const scope = { categories: 'all', purposes: 'all' } as const;
  return { id: `cli:${user}:requests`, kind: 'user', name: `cli:${user}`, role: 'auditor', scope };
}

/**
 * Who answers a family caller from the command line: the OS user as an operator — whoever can
 * run `hogo` against the database already holds its keys; the answer is audited and recorded.
 */
function cliOperator(): Principal {
  const reader = cliReader();
  return { ...reader, id: `${reader.name}:family-call`, role: 'operator' };
}

/** `hogo requests …`: customers' requests (§9): fee, list, show. */
export function registerRequestCommands(program: Command): void {
  const requests = program.command('requests').description("Customers' requests (§9 REQUEST).");

  requests
    .command('fee')
    .description('The fee of a request (REQUEST.FEE): base per subscriber line, tax, total.')
    .requiredOption('--kind <kind>', `one of ${Object.keys(SHORT_KINDS).join(', ')}`)
    .option('--lines <n>', 'subscriber lines the request names', '1')
    .option('--surcharge <yen>', 'an irregular-request surcharge before tax (needs --reason)')
    .option('--reason <text>', 'why the surcharge is charged')
    .option('--json', 'print the breakdown as JSON')
    .option('--policy <file>', 'the policy file (default: HOGO_POLICY or the bundled one)')
    .action(
      (opts: {
        kind: string;
        lines: string;
        surcharge?: string;
        reason?: string;
        json?: boolean;
        policy?: string;
      }) => {
        const policy = loadPolicyFile(opts.policy ?? loadConfig().policyPath);
        const fee = feeFor(policy, {
          kind: opts.kind,
          lines: positiveInt(opts.lines, '--lines'),
          ...(opts.surcharge !== undefined
            ? {
                surcharge: {
                  amount: positiveInt(opts.surcharge, '--surcharge'),
                  reason: opts.reason ?? '',
                },
              }
            : {}),
        });
        process.stdout.write(`${opts.json ? JSON.stringify(fee) : formatFee(fee)}\n`);
      },
    );

  requests
    .command('list')
    .description('Requests, earliest due first (REQUEST.TIMELY), one per line.')
    .option('--state <state>', 'only requests in this state')
    .option('--kind <kind>', 'only this kind (short name or clause ID)')
    .option('--due <due>', 'overdue or soon (open requests only)')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { state?: string; kind?: string; due?: string; json?: boolean }) => {
      if (opts.state !== undefined && !isRequestState(opts.state))
        throw new CliError(`--state is not a request state: '${opts.state}'`);
      if (opts.due !== undefined && opts.due !== 'overdue' && opts.due !== 'soon')
        throw new CliError(`--due must be overdue or soon, got '${opts.due}'`);
      await withContext(async (ctx) => {
        const list = await listRequests(ctx, cliReader(), {
          ...(opts.state !== undefined && isRequestState(opts.state) ? { state: opts.state } : {}),
          ...(opts.kind !== undefined ? { kind: opts.kind } : {}),
          ...(opts.due === 'overdue' || opts.due === 'soon' ? { due: opts.due } : {}),
        });
        for (const r of list)
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(r)}\n`
              : `${r.id}  ${r.kind}  ${r.state}  due ${r.dueDate}  ${r.dueStatus}\n`,
          );
      });
    });

  requests
    .command('family-call')
    .description(
      'Answer a family caller (PROVIDE.FAMILY): name and address must match; recorded as a provision.',
    )
    .requiredOption('--customer <id>', 'the customer the caller asks about')
    .requiredOption('--relation <relation>', `one of ${CALLER_RELATIONS.join(', ')}`)
    .addHelpText(
      'after',
      '\nWhat the caller says is personal information, so it is never an argument (shell history,\n' +
        'process lists): it is asked for on a terminal, or read from stdin as JSON\n' +
        '{"callerName": …, "statedName": …, "statedAddress": …}.',
    )
    .option('--note <text>', 'the outline of requirements the caller may be told')
    .option('--json', 'print the answer as JSON')
    .action(async (opts: { customer: string; relation: string; note?: string; json?: boolean }) => {
      const relation = CALLER_RELATIONS.find((r) => r === opts.relation);
      if (relation === undefined)
        throw new CliError(`--relation must be one of ${CALLER_RELATIONS.join(', ')}`);
      const stated = await readCallerStatement();
      await withContext(async (ctx) => {
        const answered = await answerFamilyCall(ctx, cliOperator(), {
          customerId: opts.customer,
          relation,
          ...stated,
          ...(opts.note !== undefined ? { operatorNote: opts.note } : {}),
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(answered)}\n`);
          return;
        }
        const a = answered.answer;
        const lines = [
          `name: ${a.name}`,
          `address: ${a.address}`,
          ...a.contracts.map(
            (c) =>
              `contract: ${c.service} since ${c.startedAt}${c.endedAt ? ` until ${c.endedAt}` : ''}`,
          ),
          `requirements: ${a.requirements}`,
          `recorded as provision ${answered.provisionId} (${answered.clauses.join(', ')})`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  requests
    .command('show')
    .description('One request with its due status and history, as JSON.')
    .argument('<id>', 'the request id')
    .action(async (id: string) => {
      await withContext(async (ctx) => {
        const detail = await requestDetail(ctx, cliReader(), { requestId: id });
        process.stdout.write(`${JSON.stringify(detail, null, 2)}\n`);
      });
    });
}

/** What a family caller states, asked on a terminal or read from stdin as JSON. */
async function readCallerStatement(): Promise<{
  callerName: string;
  statedName: string;
  statedAddress: string;
}> {
  const fields = {
    callerName: 'Who is calling',
    statedName: "The customer's name, as the caller states it",
    statedAddress: "The customer's address, as the caller states it",
  } as const;
  if (process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const out = { callerName: '', statedName: '', statedAddress: '' };
      for (const [key, prompt] of Object.entries(fields) as [keyof typeof fields, string][]) {
        out[key] = (await rl.question(`${prompt}: `)).trim();
      }
      return out;
    } finally {
      rl.close();
    }
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError(
      'stdin: expected a JSON object with callerName, statedName, statedAddress',
      2,
    );
  }
  const o = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  for (const key of Object.keys(fields)) {
    if (typeof o[key] !== 'string' || o[key] === '')
      throw new CliError(`stdin: ${key} is required (a non-empty string)`, 2);
  }
  return {
    callerName: o.callerName as string,
    statedName: o.statedName as string,
    statedAddress: o.statedAddress as string,
  };
}
