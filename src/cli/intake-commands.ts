import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { withContext } from './with-context.ts';
import { CliError } from './cli-error.ts';
import { seedDemo } from '../demo/index.ts';
import { purgeExpiredRecordings } from '../registry/index.ts';
import {
  openBadRowReport,
  importFile,
  type ImportCounts,
  type ImportFormat,
} from '../intake/index.ts';
import { cliPrincipal } from './cli-principal.ts';
import { progressBar } from './progress-bar.ts';

const count = (n: number) => n.toLocaleString('en-US');

function positiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`${option} must be a positive integer, got '${value}'`);
  return n;
}

function formatOf(path: string, option: string | undefined): ImportFormat {
  const format = option ?? (/\.(nd)?jsonl?$/i.test(path) ? 'ndjson' : 'csv');
  if (format !== 'csv' && format !== 'ndjson') {
    throw new CliError(`--format must be one of csv, ndjson, got '${format}'`);
  }
  return format;
}

/**
 * `hogo import FILE`, `hogo demo seed` and `hogo recordings purge`: bulk intake of customers into
 * the registry, and the end of call recordings' retention.
 */
export function registerIntakeCommands(program: Command): void {
  program
    .command('import')
    .description(
      'Import customers from a CSV or NDJSON file (docs/import-format.md), in batches; a rerun resumes an interrupted import and skips customers already registered. Exit 1 if any row was refused.',
    )
    .argument('<file>', 'the file to import (UTF-8)')
    .option('--format <format>', 'csv or ndjson (default: from the file name, else csv)')
    .option('--report <file>', 'write refused rows here: line, field, reason (.csv or NDJSON)')
    .option('--batch-size <rows>', 'rows per transaction (default: from the database engine)')
    .action(
      async (file: string, opts: { format?: string; report?: string; batchSize?: string }) => {
        const format = formatOf(file, opts.format);
        const batchSize = positiveInt(opts.batchSize, '--batch-size');
        const size = await stat(file).then(
          (s) => s.size,
          () => 0,
        );
        const started = Date.now();
        const summary = await withContext(async (ctx) => {
          const bar = progressBar(process.stderr, 'import', size);
          const reportPath = opts.report;
          try {
            return await importFile(ctx, cliPrincipal('import'), {
              path: file,
              format,
              ...(batchSize !== undefined ? { batchSize } : {}),
              ...(reportPath !== undefined
                ? { report: (resuming: boolean) => openBadRowReport(reportPath, resuming) }
                : {}),
              onProgress: (p) =>
                bar.update(p.offset, `${count(p.imported)} imported, ${count(p.bad)} refused`),
            });
          } finally {
            bar.done();
          }
        });
        const seconds = (Date.now() - started) / 1000;
        const told = (c: ImportCounts) =>
          `${count(c.imported)} imported, ${count(c.skipped)} skipped (already registered), ` +
          `${count(c.bad)} refused, ${c.batches} batches`;
        // A resumed run tells what it did and what the runs before it had done, apart.
        process.stdout.write(
          summary.earlier === null
            ? `${file}: ${told(summary)} (${seconds.toFixed(1)} s)\n`
            : `${file}: resumed at line ${summary.resumedAtLine}; this run ${told(summary.thisRun)} (${seconds.toFixed(1)} s); ` +
                `earlier runs ${told(summary.earlier)}; in all ${told(summary)}\n`,
        );
        if (summary.bad > 0) {
          process.stderr.write(
            opts.report !== undefined
              ? `hogo import: ${count(summary.bad)} row(s) refused; see ${opts.report}\n`
              : `hogo import: ${count(summary.bad)} row(s) refused; rerun with --report FILE to list them\n`,
          );
          process.exitCode = 1;
        }
      },
    );

  program
    .command('demo')
    .description('Demonstration data.')
    .command('seed')
    .description(
      'Register N realistic, deterministic Japanese demo customers (same seed, same customers); a rerun skips those already registered.',
    )
    .requiredOption('--customers <n>', 'how many customers')
    .option('--seed <seed>', 'seed of the generator', '1')
    .action(async (opts: { customers: string; seed: string }) => {
      const customers = positiveInt(opts.customers, '--customers')!;
      const seed = positiveInt(opts.seed, '--seed')!;
      const started = Date.now();
      const summary = await withContext(async (ctx) => {
        const bar = progressBar(process.stderr, 'demo', customers);
        try {
          return await seedDemo(ctx, cliPrincipal('demo'), {
            customers,
            seed,
            onProgress: (done) => bar.update(done, `${count(done)} customers`),
          });
        } finally {
          bar.done();
        }
      });
      process.stdout.write(
        `demo seed ${seed}: ${count(summary.imported)} customers registered, ${count(summary.skipped)} already there ` +
          `(${count(summary.consents)} consents, ${count(summary.optOuts)} opt-outs, ${count(summary.suspensions)} suspensions) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });

  program
    .command('recordings')
    .description('Call recordings (OBTAIN.CALLS).')
    .command('purge')
    .description('Delete the call recordings whose retention period has ended; audited.')
    .option('--dry-run', 'count them, delete nothing')
    .action(async (opts: { dryRun?: boolean }) => {
      const report = await withContext((ctx) =>
        purgeExpiredRecordings(ctx, cliPrincipal('recordings-purge'), {
          dryRun: opts.dryRun === true,
        }),
      );
      process.stdout.write(`${JSON.stringify(report)}\n`);
    });
}
