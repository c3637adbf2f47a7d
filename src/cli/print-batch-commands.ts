import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openContext } from '../app/open-context.ts';
import { cliPrincipal } from './cli-principal.ts';
import { createPrintBatch, listPrintBatches, takePrintBatch } from '../notices/index.ts';
import { paperEnclosure } from '../requests/index.ts';
import { CliError } from './cli-error.ts';

/** `hogo print-batch …`: letters by post gathered for the mail house, taken as one PDF. */
export function registerPrintBatchCommands(program: Command): void {
  const batch = program
    .command('print-batch')
    .description('Letters by post for the mail house: batches taken as one PDF.');
  batch
    .command('create')
    .description('Gather the queued letters by post into a new print batch.')
    .option('--max <n>', 'at most this many letters', '500')
    .action(async (opts: { max: string }) => {
      const max = Number(opts.max);
      if (!Number.isInteger(max) || max < 1)
        throw new CliError(`--max must be a positive integer, got '${opts.max}'`);
      const ctx = await openContext({ env: process.env });
      try {
        const made = await createPrintBatch(ctx, cliPrincipal('print-batch'), { max });
        process.stdout.write(
          made === null ? 'no letters by post queued\n' : `${made.id}\t${made.letters} letters\n`,
        );
      } finally {
        await ctx.close();
      }
    });
  batch
    .command('list')
    .description('The print batches, newest first.')
    .action(async () => {
      const ctx = await openContext({ env: process.env });
      try {
        for (const b of await listPrintBatches(ctx, cliPrincipal('print-batch')))
          process.stdout.write(
            `${b.id}\t${b.letters} letters\tcreated ${b.createdAt}\t${b.takenAt ? `taken ${b.takenAt} by ${b.takenBy}` : 'not taken'}\n`,
          );
      } finally {
        await ctx.close();
      }
    });
  batch
    .command('take <id>')
    .description('Write the batch as one PDF (audited); its letters count as sent from then on.')
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (id: string, opts: { out: string }) => {
      const ctx = await openContext({ env: process.env });
      try {
        const { batch: taken, pdf } = await takePrintBatch(ctx, cliPrincipal('print-batch'), {
          batchId: id,
          enclosure: (tx, requestId, actor) => paperEnclosure(ctx, tx, requestId, actor),
        });
        // Owner-only: the PDF holds the letters' addresses and disclosures in plain text.
        writeFileSync(opts.out, pdf, { mode: 0o600 });
        process.stdout.write(`${opts.out}\t${taken.letters} letters\n`);
      } finally {
        await ctx.close();
      }
    });
}
