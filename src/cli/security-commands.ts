import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { withContext } from './with-context.ts';
import { HogoError } from '../errors/index.ts';
import {
  appendAuditAnchor,
  checkAuditAnchor,
  createAuditAnchor,
  rotateMasterKey,
  createApiToken,
  createUser,
  listUsers,
  setUserDisabled,
  listApiTokens,
  revokeApiToken,
} from '../security/index.ts';
import { CliError } from './cli-error.ts';

/** Who acts from the command line, for the audit log (SECURITY.3). */
function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

const list = (value: string | undefined): 'all' | string[] | undefined =>
  value === undefined || value === 'all'
    ? (value as 'all' | undefined)
    : value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

/**
 * `hogo db migrate`, `hogo users create`, `hogo tokens create`, `hogo keys rotate`,
 * `hogo audit verify|anchor`: the security slice and the database from the command line.
 */
export function registerSecurityCommands(program: Command): void {
  program
    .command('db')
    .description('The database (HOGO_DATABASE_URL, or SQLite in HOGO_DATA_DIR).')
    .command('migrate')
    .description('Bring the database to the latest schema (hogo serve does this on start too).')
    .action(() =>
      withContext(async (ctx) => {
        const applied = ctx.migrations.applied;
        process.stdout.write(
          applied.length === 0
            ? `${ctx.store.location}: up to date\n`
            : `${ctx.store.location}: applied ${applied.join(', ')}\n`,
        );
      }),
    );

  const users = program.command('users').description('Staff users.');
  users
    .command('create')
    .description('Create a staff user; prints the generated password once.')
    .requiredOption('--name <name>', 'login name (a-z 0-9 . _ -)')
    .requiredOption('--role <role>', 'privacyOfficer, operator, auditor or system')
    .option('--categories <list>', 'item categories whose values the user may read (default all)')
    .option('--purposes <list>', 'purposes the user may act for (default all)')
    .option('--groups <list>', 'customer groups the user may touch (default all)')
    .action(
      (opts: {
        name: string;
        role: string;
        categories?: string;
        purposes?: string;
        groups?: string;
      }) =>
        withContext(async (ctx) => {
          const { user, password } = await createUser(
            ctx,
            {
              name: opts.name,
              role: opts.role,
              categories: list(opts.categories),
              purposes: list(opts.purposes),
              groups: list(opts.groups),
            },
            cliActor(),
          );
          process.stdout.write(
            `created user ${user.name} (${user.role}, ${user.id})\npassword: ${password}\n` +
              'This password is shown once; hogo stores only its Argon2id hash.\n',
          );
        }),
    );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(`${verb} <name>`)
      .description(
        disabled
          ? 'Disable a staff user: their sessions end at once and they cannot sign in.'
          : 'Let a disabled staff user sign in again.',
      )
      .action((name: string) =>
        withContext(async (ctx) => {
          const user = (await listUsers(ctx)).find((u) => u.name === name);
          if (user === undefined) throw new HogoError('users.not_found', `no user named ${name}`);
          await setUserDisabled(ctx, { userId: user.id, disabled }, cliActor());
          process.stdout.write(`${disabled ? 'disabled' : 'enabled'} user ${name}\n`);
        }),
      );
  }

  const tokens = program.command('tokens').description('API tokens for other systems.');
  tokens
    .command('list')
    .description('API tokens, newest first (never their secrets).')
    .action(() =>
      withContext(async (ctx) => {
        for (const t of await listApiTokens(ctx)) {
          const state =
            t.revokedAt !== null
              ? `revoked ${new Date(t.revokedAt).toISOString()}`
              : `expires ${t.expiresAt === null ? 'never' : new Date(t.expiresAt).toISOString()}`;
          process.stdout.write(`${t.id}\t${t.role}\t${t.label}\t${state}\n`);
        }
      }),
    );
  tokens
    .command('revoke <id>')
    .description('Revoke an API token at once: the next request bearing it is refused.')
    .action((id: string) =>
      withContext(async (ctx) => {
        await revokeApiToken(ctx, id, cliActor());
        process.stdout.write(`revoked token ${id}\n`);
      }),
    );
  tokens
    .command('create')
    .description('Issue an API token; prints the secret once.')
    .requiredOption('--name <label>', 'what system the token is for')
    .requiredOption('--role <role>', 'usually system')
    .option('--categories <list>', 'item categories whose values it may read (default all)')
    .option('--purposes <list>', 'purposes it may act for (default all)')
    .option('--groups <list>', 'customer groups it may touch (default all)')
    .option('--days <days>', 'days until it expires', '365')
    .action(
      (opts: {
        name: string;
        role: string;
        categories?: string;
        purposes?: string;
        groups?: string;
        days: string;
      }) =>
        withContext(async (ctx) => {
          const { token, secret } = await createApiToken(
            ctx,
            {
              label: opts.name,
              role: opts.role,
              categories: list(opts.categories),
              purposes: list(opts.purposes),
              groups: list(opts.groups),
              expiresInDays: Number(opts.days),
            },
            cliActor(),
          );
          process.stdout.write(
            `created token ${token.id} (${token.role}) expiring ${new Date(token.expiresAt ?? 0).toISOString()}\n` +
              `secret: ${secret}\nSend it as "Authorization: Bearer <secret>". It is shown once.\n`,
          );
        }),
    );

  program
    .command('keys')
    .description('Encryption keys.')
    .command('rotate')
    .description('Add a master key version and re-wrap every data key under it, while serving.')
    .action(() =>
      withContext(async (ctx) => {
        const { rewrapped } = await rotateMasterKey(ctx, cliActor(), (done) =>
          process.stderr.write(`\rkeys: re-wrapped ${done}`),
        );
        process.stderr.write(`\rkeys: re-wrapped ${rewrapped} data keys\n`);
      }),
    );

  const audit = program.command('audit').description('The audit log.');
  audit
    .command('verify')
    .description(
      'Recompute the hash chain, and check the anchors of FILE against it. Exit 1 naming the first bad entry or anchor.',
    )
    .option('--anchors <file>', 'anchors written by `hogo audit anchor`, one per line')
    .action((opts: { anchors?: string }) =>
      withContext(async (ctx) => {
        const result = await ctx.audit.verify();
        if (!result.ok) {
          process.stderr.write(`audit: ${result.problem} (first bad entry: ${result.firstBad})\n`);
          process.exitCode = 1;
          return;
        }
        let anchors = 0;
        if (opts.anchors !== undefined) {
          const lines = readAnchorLines(opts.anchors);
          // An empty file proves nothing: refused, never "0 anchors hold".
          if (lines.length === 0) throw new CliError(`${opts.anchors}: holds no anchor`, 1);
          for (const [line, text] of lines) {
            let anchor: unknown;
            try {
              anchor = JSON.parse(text);
            } catch {
              throw new CliError(`${opts.anchors}:${line}: not a JSON anchor`, 1);
            }
            const problem = await checkAuditAnchor(ctx.store, ctx.keys, anchor);
            if (problem !== null) {
              process.stderr.write(`audit: ${opts.anchors}:${line}: ${problem}\n`);
              process.exitCode = 1;
              return;
            }
            anchors++;
          }
        }
        process.stdout.write(
          `audit: ok, ${result.entries} entries` +
            (opts.anchors !== undefined
              ? `, ${anchors} anchors hold\n`
              : // The chain alone cannot catch a rewrite that recomputes every later hash.
                ', checked without anchors: a chain rewritten whole would pass; add --anchors FILE\n'),
        );
      }),
    );
  audit
    .command('anchor')
    .description(
      'Sign the chain head with a key the database does not hold; keep the line outside the database.',
    )
    .option('--out <file>', 'append the anchor to FILE (else print it)')
    .action((opts: { out?: string }) =>
      withContext(async (ctx) => {
        if (opts.out === undefined) {
          const anchor = await createAuditAnchor(ctx.store, ctx.keys, ctx.clock());
          process.stdout.write(`${JSON.stringify(anchor)}\n`);
        } else {
          const anchor = await appendAuditAnchor(ctx.store, ctx.keys, ctx.clock(), opts.out);
          process.stderr.write(`audit: anchored entry ${anchor.seq} in ${opts.out}\n`);
        }
      }),
    );
}

/** The non-empty lines of an anchor file with their numbers; a missing file is a CLI error. */
function readAnchorLines(file: string): [number, string][] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(
      `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      2,
    );
  }
  return text
    .split('\n')
    .map((t, i): [number, string] => [i + 1, t.trim()])
    .filter(([, t]) => t !== '');
}
