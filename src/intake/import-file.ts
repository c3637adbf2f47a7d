import type { IntakeDeps } from './intake-deps.ts';
import type { Principal } from '../security/index.ts';
import type { BadRow, BadRowReport } from './bad-row-report.ts';
import { checkUtf8Head } from './check-utf8-head.ts';
import { ensureIntakeSchema } from './ensure-intake-schema.ts';
import { fileKey } from './file-key.ts';
import { importBatchSize } from './import-batch-size.ts';
import { readCheckpoint, saveCheckpoint, type ImportCheckpoint } from './import-checkpoint.ts';
import { prepareRow } from './prepare-row.ts';
import { readCsvRows } from './read-csv-rows.ts';
import { readNdjsonRows } from './read-ndjson-rows.ts';
import type { PreparedCustomer } from '../registry/index.ts';
import type { ReadFrom, RowReader } from './source-row.ts';
import { writeCustomerBatch } from './write-customer-batch.ts';
import { forgetBadRows, recordBadRows, recordedBadRows } from './recorded-bad-rows.ts';

/** The formats `importFile` reads. */
export type ImportFormat = 'csv' | 'ndjson';

const READERS: Readonly<Record<ImportFormat, RowReader>> = {
  csv: readCsvRows,
  ndjson: readNdjsonRows,
};

/** Options of `importFile`. */
export interface ImportOptions {
  readonly path: string;
  readonly format: ImportFormat;
  /** Rows per transaction; default from the store's capabilities. */
  readonly batchSize?: number;
  /**
   * Opens where refused rows are told (after their batch commits), always afresh (`false`): a
   * resumed run first writes every row the earlier runs recorded; none: refused rows are
   * counted (and recorded) only.
   */
  readonly report?: (resuming: boolean) => Promise<BadRowReport>;
  /** Called after each committed batch with where the import stands. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Most bytes one row may hold; default 1 MiB. */
  readonly maxRowBytes?: number;
}

/** Where an import stands: counts so far, and the byte offset reached. */
export interface ImportProgress {
  readonly offset: number;
  readonly imported: number;
  readonly skipped: number;
  readonly bad: number;
}

/** Counts of rows and batches, of one run or of several. */
export interface ImportCounts {
  readonly imported: number;
  readonly skipped: number;
  readonly bad: number;
  readonly batches: number;
}

/**
 * What an import did, in all (counting what interrupted runs had done before it), and apart:
 * what this run did, and what the earlier runs it resumed had done (null when it did not
 * resume). A rerun of a killed import that had written 9,000 rows of 100,000 says 91,000
 * imported by this run, 9,000 earlier.
 */
export interface ImportSummary extends ImportProgress {
  readonly batches: number;
  /** The line it resumed at, when a checkpoint of an interrupted run was found. */
  readonly resumedAtLine: number | null;
  readonly thisRun: ImportCounts;
  readonly earlier: ImportCounts | null;
}

/**
 * Imports a CSV or NDJSON file of customers (docs/import-format.md), streaming it in batches.
 * Each batch — its customers (encrypted, through the registry's batch path), its 'import.batch'
 * audit entry and the checkpoint of where the next row starts — commits in one transaction, so
 * a killed import leaves whole batches only and a rerun resumes after the last one. Customers
 * whose external ID is registered are skipped. Bad rows are recorded with their batch (in its
 * transaction), reported from that record, and the good ones kept; a
 * file hogo cannot read as a whole throws an 'intake.*' HogoError.
 */
export async function importFile(
  ctx: IntakeDeps,
  principal: Principal,
  options: ImportOptions,
): Promise<ImportSummary> {
  await ensureIntakeSchema(ctx.store);
  await checkUtf8Head(options.path);
  const key = await fileKey(options.path);
  const resumed = await readCheckpoint(ctx.store.db, key);
  const batchSize = options.batchSize ?? importBatchSize(ctx.store.capabilities);
  // The report is written from the rows recorded with each batch: started afresh and, when
  // resuming, first given every row the earlier runs recorded, so that a run killed between
  // a commit and its report still leaves a report that agrees with the counts.
  if (resumed === undefined) await forgetBadRows(ctx.store.db, key);
  const report = await options.report?.(false);
  if (report !== undefined && resumed !== undefined)
    await report.write(await recordedBadRows(ctx.store.db, key));
  let state: ImportCheckpoint = resumed ?? {
    next: { offset: 0, line: 1 },
    imported: 0,
    skipped: 0,
    bad: 0,
    batches: 0,
  };

  let customers: PreparedCustomer[] = [];
  let badRows: BadRow[] = [];
  let fromLine = state.next.line;
  let lastLine = fromLine;
  let next: ReadFrom = state.next;
  // One batch is written while the next is read and prepared (PostgreSQL overlaps the two).
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;

  const flush = async (): Promise<void> => {
    await writing;
    if (failure !== undefined) throw failure;
    const batch = {
      customers,
      badRows,
      fromLine,
      toLine: lastLine,
      next,
      number: state.batches + 1,
    };
    customers = [];
    badRows = [];
    writing = writeBatch(batch).catch((e: unknown) => {
      failure = e;
    });
  };

  const writeBatch = async (b: {
    customers: PreparedCustomer[];
    badRows: BadRow[];
    fromLine: number;
    toLine: number;
    next: ReadFrom;
    number: number;
  }): Promise<void> => {
    let after = state;
    await writeCustomerBatch(ctx, principal, {
      customers: b.customers,
      action: 'import.batch',
      detail: {
        batch: b.number,
        rows: b.customers.length + b.badRows.length,
        bad: b.badRows.length,
        fromLine: b.fromLine,
        toLine: b.toLine,
      },
      also: async (tx, _joined, result) => {
        after = {
          next: b.next,
          imported: state.imported + result.created.length,
          skipped: state.skipped + result.skipped,
          bad: state.bad + b.badRows.length,
          batches: b.number,
        };
        await recordBadRows(tx, key, b.badRows);
        await saveCheckpoint(tx, key, after, ctx.clock());
      },
    });
    state = after;
    await report?.write(b.badRows);
    options.onProgress?.({ offset: state.next.offset, ...counts(state) });
  };

  const rows = READERS[options.format](options.path, {
    from: state.next,
    ...(options.maxRowBytes !== undefined ? { maxRowBytes: options.maxRowBytes } : {}),
  });
  try {
    for await (const source of rows) {
      if (failure !== undefined) break;
      next = { offset: source.endOffset, line: source.endLine };
      if (customers.length + badRows.length === 0) fromLine = source.line;
      lastLine = source.line;
      if ('problems' in source) badRows.push({ line: source.line, problems: source.problems });
      else {
        const prepared = prepareRow(ctx.policy, source.row, ctx.clock());
        if (prepared.ok) customers.push(prepared.customer);
        else badRows.push({ line: source.line, problems: prepared.problems });
      }
      if (customers.length + badRows.length >= batchSize) await flush();
    }
    if (customers.length + badRows.length > 0) await flush();
  } finally {
    // A batch still being written finishes (or fails) before the caller closes the store.
    await writing;
  }
  if (failure !== undefined) throw failure;
  await saveCheckpoint(ctx.store.db, key, state, ctx.clock(), true);
  const earlier = resumed === undefined ? null : { ...counts(resumed), batches: resumed.batches };
  return {
    offset: state.next.offset,
    ...counts(state),
    batches: state.batches,
    resumedAtLine: resumed === undefined ? null : resumed.next.line,
    thisRun: {
      imported: state.imported - (earlier?.imported ?? 0),
      skipped: state.skipped - (earlier?.skipped ?? 0),
      bad: state.bad - (earlier?.bad ?? 0),
      batches: state.batches - (earlier?.batches ?? 0),
    },
    earlier,
  };
}

const counts = (s: ImportCheckpoint) => ({ imported: s.imported, skipped: s.skipped, bad: s.bad });
