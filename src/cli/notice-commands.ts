import type { Command } from 'commander';
import { openContext } from '../app/open-context.ts';
import { CliError } from './cli-error.ts';
import { cliPrincipal } from './cli-principal.ts';
import { retryNotices } from '../notices/index.ts';

/** `hogo notices …`: the outbox of notices to customers. */
export function registerNoticeCommands(program: Command): void {
  const notices = program.command('notices').description('Notices to customers (the outbox).');
  notices
    .command('retry')
    .description(
      'Send again the e-mail and SMS notices whose sending failed, once their backoff has passed (1, 5, 30 minutes); the fifth failure is final.',
    )
    .option('--max <n>', 'at most this many notices in this run', '100')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { max: string; json?: boolean }) => {
      const max = Number(opts.max);
      if (!Number.isInteger(max) || max < 1)
        throw new CliError(`--max must be a positive integer, got '${opts.max}'`);
      const ctx = await openContext({ env: process.env });
      try {
        const r = await retryNotices(ctx, cliPrincipal('notices-retry'), { max });
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(r)}\n`
            : r.smtp || r.sms
              ? `tried ${r.tried}: sent ${r.sent}, failed ${r.failed} (tried again later), given up ${r.gaveUp}, expired unsent ${r.expired}\n`
              : 'no SMTP (HOGO_SMTP_URL) nor SMS gateway (HOGO_SMS_URL) configured: nothing sent\n',
        );
      } finally {
        await ctx.close();
      }
    });
}
