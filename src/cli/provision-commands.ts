import type { Command } from 'commander';
import { withContext } from './with-context.ts';
import { CliError } from './cli-error.ts';
import { cliPrincipal } from './cli-principal.ts';
import {
  AD_PLATFORM_IDS,
  isAdPlatformId,
  adsSettings,
  defaultExportPath,
  exportAudience,
  purgeAdExports,
  purgeProvisionRecords,
} from '../provision/index.ts';

const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** `hogo provision purge` and `hogo ads export|purge`: the provision ledger and ad audiences. */
export function registerProvisionCommands(program: Command): void {
  program
    .command('provision')
    .description('Provision to third parties (§5) and its ledger (APPI Art. 29).')
    .command('purge')
    .description('Delete the provision records whose retention has ended (Rule 21); audited.')
    .option('--dry-run', 'count them, delete nothing')
    .action(async (opts: { dryRun?: boolean }) => {
      json(
        await withContext((ctx) =>
          purgeProvisionRecords(ctx, cliPrincipal('provision-purge'), {
            dryRun: opts.dryRun === true,
          }),
        ),
      );
    });

  const ads = program.command('ads').description('Audiences for ad platforms (§8 ADS).');
  ads
    .command('export')
    .description(
      'Export a hashed audience in the platform’s upload format (Google CSV; Meta NDJSON, one {schema,data} batch of ≤10,000 rows per line; Yahoo one file per list) and print the receipt. Every customer included is recorded in the ledger.',
    )
    .requiredOption('--platform <id>', AD_PLATFORM_IDS.join(' | '))
    .option('--purpose <id>', 'PURPOSE.REG.5 (default) or PURPOSE.REG.7 (other companies’ ads)')
    .option('--out <file>', 'the upload file (Yahoo: the base name of its list files)')
    .option('--approval <id>', 'SECURITY.5: the approval by a second person (hogo approvals)')
    .action(
      async (opts: { platform: string; purpose?: string; out?: string; approval?: string }) => {
        const platform = opts.platform;
        if (!isAdPlatformId(platform)) {
          throw new CliError(`--platform must be one of ${AD_PLATFORM_IDS.join(', ')}`);
        }
        const receipt = await withContext((ctx) => {
          const settings = adsSettings(process.env);
          return exportAudience(ctx, cliPrincipal('ads-export'), {
            platform,
            out: opts.out ?? defaultExportPath(settings.exportDir, platform, ctx.clock()),
            deleteAfterDays: settings.deleteAfterDays,
            ...(opts.purpose !== undefined ? { purpose: opts.purpose } : {}),
            ...(opts.approval !== undefined ? { approvalId: opts.approval } : {}),
          });
        });
        json(receipt);
      },
    );
  ads
    .command('purge')
    .description('Delete the files of exports past their expiry (ADS.DELETE_AFTER_MATCH); audited.')
    .action(async () => {
      json(await withContext((ctx) => purgeAdExports(ctx, cliPrincipal('ads-purge'))));
    });
}
