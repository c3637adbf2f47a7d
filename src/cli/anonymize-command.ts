import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  anonymizeDataset,
  parseDatasetDefinition,
  verifyStandards,
  type AnonymizationReport,
  type SourceTable,
} from '../anonymize/index.ts';
import { HogoError } from '../errors/index.ts';
import { formatCsvRow } from '../intake/index.ts';
import { progressBar } from './progress-bar.ts';
import { CliError } from './cli-error.ts';

/** `hogo anonymize --config FILE --out FILE [--report FILE]`: a data set from a CSV source. */
export function registerAnonymizeCommand(program: Command): void {
  program
    .command('anonymize')
    .description('make anonymously processed information to PPC Rule 34 (§7 ANONYMIZED)')
    .requiredOption('--config <file>', 'the data-set definition (YAML or JSON)')
    .requiredOption('--out <file>', 'where the data set is written (CSV)')
    .option('--report <file>', 'where the report is written (JSON)')
    .action((opts: { config: string; out: string; report?: string }) => {
      try {
        runAnonymize(opts);
      } catch (e) {
        if (e instanceof HogoError) throw new CliError(e.message);
        throw e;
      }
    });
}

function runAnonymize(opts: { config: string; out: string; report?: string }): void {
  const bar = progressBar(process.stderr, 'anonymize', 4);
  const definition = parseDatasetDefinition(read(opts.config), opts.config);
  const base = dirname(resolve(opts.config));
  bar.update(1, 'reading the source');
  const csvPath = resolve(base, definition.source.csv);
  const source = readDelimited(read(csvPath), definition.source.delimiter, csvPath);
  bar.update(2, 'generalizing');
  const result = anonymizeDataset(definition, source, (f) => read(resolve(base, f)));
  // Nothing leaves that breaks a standard of Rule 34, whatever the definition said.
  const broken = verifyStandards(definition, source, result);
  if (broken.length > 0) throw new CliError(`the data set breaks ${broken.join(', ')}`, 1);
  bar.update(3, 'writing');
  // Written to a temporary name and renamed, so a failed run leaves no half-written data set.
  writeAtomically(opts.out, [result.header, ...result.rows].map(formatCsvRow).join(''));
  if (opts.report) writeAtomically(opts.report, JSON.stringify(result.report, null, 2) + '\n');
  bar.update(4, 'done');
  bar.done();
  process.stdout.write(formatReport(result.report));
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
