import type { Command } from 'commander';
import { Value } from '@sinclair/typebox/value';
import { openContext } from '../app/open-context.ts';
import { HogoError } from '../errors/index.ts';
import { cliPrincipal } from './cli-principal.ts';
import {
  HOLD_REASONS,
  HoldInput,
  listHolds,
  placeHold,
  purgeRetention,
  releaseHold,
  type HoldView,
} from '../retention/index.ts';
import { CliError } from './cli-error.ts';

/** Runs `fn` in a fresh context; a domain error becomes one readable line (exit 2). */
async function withContext<T>(
  fn: (ctx: Awaited<ReturnType<typeof openContext>>) => Promise<T>,
): Promise<T> {
  const ctx = await openContext({ env: process.env });
  try {
    return await fn(ctx);
  } catch (e) {
    if (e instanceof HogoError) {
      const field = e.details?.['field'];
      throw new CliError(
        `${e.message} (${e.code}${typeof field === 'string' ? `, ${field}` : ''})`,
        2,
      );
    }
    throw e;
  } finally {
    await ctx.close();
  }
}

const holdLine = (h: HoldView) =>
  `${h.id}  ${h.active ? 'active  ' : 'inactive'}  ${h.reason}${h.reference ? ` ${h.reference}` : ''}  placed ${h.placedAt} by ${h.placedBy}  until ${h.until ?? 'released'}${h.releasedAt ? `  released ${h.releasedAt}` : ''}\n`;

/** `hogo retention …`: the scheduled purge and legal holds (RETAIN). */
export function registerRetentionCommands(program: Command): void {
  const retention = program
    .command('retention')
    .description('Retention duties, legal holds and the purge (RETAIN).');
  retention
    .command('purge')
    .description(
      'Erase the customers whose contracts have all ended and whom no retention duty or legal hold keeps any more (audited); for a scheduler.',
    )
    .option('--dry-run', 'count only; erase nothing')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      const r = await withContext((ctx) =>
        purgeRetention(ctx, cliPrincipal('retention-purge'), { dryRun: opts.dryRun === true }),
      );
      process.stdout.write(
        opts.json
          ? `${JSON.stringify(r)}\n`
          : `${r.dryRun ? 'dry run: ' : ''}${r.examined} customer(s) with every contract ended: ${r.due.length} ${r.dryRun ? 'due for erasure' : 'erased'}, ${r.kept} still kept by a duty or hold\n`,
      );
    });
  const hold = retention.command('hold').description('Legal holds on a customer (RETAIN.HOLD).');
  hold
    .command('place <customerId>')
    .description('Place a legal hold: no deletion or purge erases the customer while it lasts.')
    .requiredOption('--reason <reason>', `one of ${HOLD_REASONS.join(', ')}`)
    .option('--reference <ref>', 'a docket, case or letter number (never a name)')
    .option('--until <instant>', 'when the hold ends by itself (ISO 8601 with offset)')
    .action(
      async (customerId: string, opts: { reason: string; reference?: string; until?: string }) => {
        const input = {
          reason: opts.reason,
          ...(opts.reference !== undefined ? { reference: opts.reference } : {}),
          ...(opts.until !== undefined ? { until: opts.until } : {}),
        };
        const error = [...Value.Errors(HoldInput, input)][0];
        if (error !== undefined)
          throw new CliError(`--${error.path.slice(1) || 'reason'}: ${error.message}`, 2);
        if (opts.until !== undefined && Number.isNaN(Date.parse(opts.until)))
          throw new CliError(`--until: not an instant: '${opts.until}'`, 2);
        const placed = await withContext((ctx) =>
          placeHold(ctx, cliPrincipal('retention-hold'), { customerId, ...(input as HoldInput) }),
        );
        process.stdout.write(holdLine(placed));
      },
    );
  hold
    .command('list <customerId>')
    .description('The holds placed on a customer, newest first.')
    .action(async (customerId: string) => {
      const holds = await withContext((ctx) =>
        listHolds(ctx, cliPrincipal('retention-hold'), customerId),
      );
      process.stdout.write(holds.length === 0 ? 'no holds\n' : holds.map(holdLine).join(''));
    });
  hold
    .command('release <holdId>')
    .description('Release a hold; the retention duties alone decide again.')
    .action(async (holdId: string) => {
      const released = await withContext((ctx) =>
        releaseHold(ctx, cliPrincipal('retention-hold'), holdId),
      );
      process.stdout.write(holdLine(released));
    });
}
