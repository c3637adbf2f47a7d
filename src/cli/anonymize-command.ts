import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  buildDataset,
  parseDatasetDefinition,
  publishedItems,
  recordDataset,
  type AnonymizationReport,
  type BuiltDataset,
  type DatasetDefinition,
  type SourceTable,
} from '../anonymize/index.ts';
import { HogoError } from '../errors/index.ts';
import { formatCsvRow } from '../intake/index.ts';
import { progressBar } from './progress-bar.ts';
import { CliError } from './cli-error.ts';
import { cliPrincipal } from './cli-principal.ts';
import { withContext } from './with-context.ts';

/**
 * `hogo anonymize --config FILE --out FILE [--report FILE] [--items FILE]`: a data set from a
 * CSV file or the registry. Over the registry it is also kept in the store, to be published
 * and provided by the privacy officer; the items of information it contains (what Art. 43(3)
 * has published) are written beside it.
 */
export function registerAnonymizeCommand(program: Command): void {
  program
    .command('anonymize')
    .description('make anonymously processed information to PPC Rule 34 (§7 ANONYMIZED)')
    .requiredOption('--config <file>', 'the data-set definition (YAML or JSON)')
    .requiredOption('--out <file>', 'where the data set is written (CSV)')
    .option('--report <file>', 'where the report is written (JSON)')
    .option(
      '--items <file>',
      'where the items of information are written (default: OUT.items.json)',
    )
    .action(async (opts: Options) => {
      try {
        await runAnonymize(opts);
      } catch (e) {
        if (e instanceof HogoError) throw new CliError(e.message);
        throw e;
      }
    });
}

interface Options {
  readonly config: string;
  readonly out: string;
  readonly report?: string;
  readonly items?: string;
}

async function runAnonymize(opts: Options): Promise<void> {
  const text = read(opts.config);
  const definition = parseDatasetDefinition(text, opts.config);
  const base = dirname(resolve(opts.config));
  const readFile = (f: string) => read(resolve(base, f));
  let bar = progressBar(process.stderr, 'anonymize', 4);
  let built: BuiltDataset;
  let items: ReturnType<typeof publishedItems>;
  let id: string | undefined;
  if (definition.source.kind === 'csv') {
    bar.update(1, 'reading the source');
    const csvPath = resolve(base, definition.source.csv);
    const table = readDelimited(read(csvPath), definition.source.delimiter, csvPath);
    bar.update(2, 'generalizing');
    built = await buildDataset(undefined, undefined, definition, {
      table,
      readFile,
      datasetId: definition.name,
    });
    items = publishedItems(definition, built.dataset.report, []);
  } else {
    const principal = cliPrincipal('anonymize');
    ({ built, items, id } = await withContext(async (ctx) => {
      let total = -1;
      const made = await buildDataset(ctx, principal, definition, {
        readFile,
        datasetId: definition.name,
        onProgress: (phase, done, all) => {
          if (phase === 'reading the registry' && all !== total) {
            total = all;
            bar.done();
            bar = progressBar(process.stderr, 'anonymize', all);
          }
          if (phase === 'reading the registry') bar.update(done, `${done} of ${all} customers`);
        },
      });
      return {
        built: made,
        items: publishedItems(definition, made.dataset.report, ctx.policy.document.categories),
        id: await recordDataset(ctx, principal, text, made),
      };
    }));
  }
  const result = built.dataset;
  // Written to a temporary name and renamed, so a failed run leaves no half-written data set.
  writeAtomically(opts.out, [result.header, ...result.rows].map(formatCsvRow).join(''));
  const report = { ...result.report, ...(built.source ? { source: built.source } : {}) };
  if (opts.report) writeAtomically(opts.report, JSON.stringify(report, null, 2) + '\n');
  const itemsFile = opts.items ?? `${opts.out.replace(/\.csv$/i, '')}.items.json`;
  writeAtomically(
    itemsFile,
    JSON.stringify({ dataset: result.report.dataset, items }, null, 2) + '\n',
  );
  bar.done();
  process.stdout.write(formatReport(result.report));
  process.stdout.write(formatItems(definition, items, itemsFile, id));
}

function formatItems(
  definition: DatasetDefinition,
  items: ReturnType<typeof publishedItems>,
  file: string,
  id: string | undefined,
): string {
  return (
    [
      `items of information (APPI Art. 43(3)), written to ${file}:`,
      ...items.map((i) => `  ${i.en} / ${i.ja}`),
      ...(id !== undefined
        ? [
            `kept as data set ${id}; the privacy officer publishes it with the method of provision (POST /v1/anonymized-datasets/${id}/publish)`,
          ]
        : [`${definition.name}: a CSV source is not kept in the store`]),
    ].join('\n') + '\n'
  );
}

/** The report as the table the CLI prints. */
export function formatReport(r: AnonymizationReport): string {
  const m = r.metrics;
  const lines = [
    `data set: ${r.dataset} (${r.algorithm})`,
    ...r.steps.map(
      (s) =>
        `  ${s.rule.padEnd(15)} ${s.title}${s.columns.length ? `: ${s.columns.join(', ')}` : ''}` +
        (s.rowsSuppressed !== undefined ? ` (${s.rowsSuppressed} rows)` : ''),
    ),
    `rows in ${m.rowsIn}, out ${m.rowsOut}, suppressed ${m.suppressedRows}; classes ${m.classes}, smallest ${m.smallestClass}`,
    `discernibility ${m.discernibility}, average class size ${m.averageClassSize.toFixed(2)}, loss ${m.loss.toFixed(4)}, precision loss ${m.precisionLoss.toFixed(4)}`,
    `prosecutor risk: highest ${m.highestRisk.toFixed(4)}, average ${m.averageRisk.toFixed(4)}`,
    `levels: ${Object.entries(r.levels)
      .map(([a, l]) => `${a}=${l}`)
      .join(' ')}`,
    'class size  classes',
    ...m.classSizeHistogram.map(([size, n]) => `${String(size).padStart(10)}  ${n}`),
  ];
  return lines.join('\n') + '\n';
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(
      `${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
}

/** A delimited file without quoted fields (the exports the definitions name). */
function readDelimited(text: string, delimiter: string, path: string): SourceTable {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 0) throw new CliError(`${path}:1:1 the source has no header`);
  const header = lines[0]!.split(delimiter);
  const rows = lines.slice(1).map((l, i) => {
    const row = l.split(delimiter);
    if (row.length !== header.length) {
      throw new CliError(
        `${path}:${i + 2}:1 row has ${row.length} fields, the header ${header.length}`,
      );
    }
    return row;
  });
  return { header, rows };
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.partial`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
