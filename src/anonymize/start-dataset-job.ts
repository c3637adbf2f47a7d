import { HogoError } from '../errors/index.ts';
import { formatCsvRow } from '../intake/index.ts';
import { authorize, newId } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AnonymizeDeps } from './anonymize-deps.ts';
import { anonymizeDb } from './anonymize-tables.ts';
import { buildDataset } from './build-dataset.ts';
import { parseDatasetDefinition, type DatasetDefinition } from './dataset-definition.ts';

/** What `POST /v1/anonymized-datasets` is given. */
export interface DatasetJobInput {
  /** The definition, YAML or JSON text. */
  readonly definition: string;
  /** The name errors give the definition (default `definition.yaml`). */
  readonly file?: string;
  /** Hierarchy files the definition names, by name (CSV text, ARX layout). */
  readonly files?: Readonly<Record<string, string>>;
}

/** A job started: its id, and the promise of its end (the serving process does not wait). */
export interface StartedJob {
  readonly id: string;
  readonly finished: Promise<void>;
}

/**
 * Starts a data-set job in this process: the definition is checked first (a bad one is refused
 * with `file:line:column field`, and nothing is stored); then a row records the job (state
 * running, progress done/total), and the build runs in the background, its progress written as
 * it reads the registry; the row ends done (report and data set kept) or failed (the error,
 * with quoted values left out, since a value of the source may be personal). Over the API the
 * source is the registry: a CSV file is the command line's. Needs 'anonymize.create'.
 */
export async function startDatasetJob(
  ctx: AnonymizeDeps,
  principal: Principal,
  input: DatasetJobInput,
): Promise<StartedJob> {
  authorize(principal, 'anonymize.create');
  const file = input.file ?? 'definition.yaml';
  const definition = parseDatasetDefinition(input.definition, file);
  if (definition.source.kind !== 'registry') {
    throw new HogoError(
      'anonymize.source',
      `${definition.locate(['source'])} source: over the API the source is a registry query (a CSV file is for hogo anonymize)`,
      { field: 'source' },
    );
  }
  const files = input.files ?? {};
  definition.attributes.forEach((a, i) => {
    if (a.hierarchy && 'file' in a.hierarchy && files[a.hierarchy.file] === undefined) {
      throw new HogoError(
        'anonymize.definition',
        `${definition.locate(['attributes', i, 'hierarchy', 'file'])} attributes.${i}.hierarchy.file: "${a.hierarchy.file}" was not sent in files`,
        { field: `attributes.${i}.hierarchy.file` },
      );
    }
  });
  const now = ctx.clock();
  const id = newId(now);
  await anonymizeDb(ctx.store.db)
    .insertInto('anonymized_datasets')
    .values({
      id,
      name: definition.name,
      definition: input.definition,
      state: 'running',
      phase: 'queued',
      done: 0,
      total: 0,
      report: null,
      data: null,
      rows: null,
      error: null,
      created_by: principal.id,
      created_at: now,
      finished_at: null,
      published_items: null,
      published_method: null,
      published_at: null,
      published_by: null,
    })
    .execute();
  const finished = runJob(ctx, principal, id, definition, files);
  return { id, finished };
}

async function runJob(
  ctx: AnonymizeDeps,
  principal: Principal,
  id: string,
  definition: DatasetDefinition,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  const db = anonymizeDb(ctx.store.db);
  // Progress writes are chained, so a late one never overwrites the final state.
  let writes: Promise<unknown> = Promise.resolve();
  const progress = (phase: string, done: number, total: number) => {
    writes = writes.then(() =>
      db
        .updateTable('anonymized_datasets')
        .set({ phase, done, total })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .execute(),
    );
  };
  // Let the caller's answer go out before the work starts.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    const built = await buildDataset(ctx, principal, definition, {
      readFile: (f) => files[f]!,
      datasetId: id,
      onProgress: progress,
    });
    const { dataset } = built;
    await writes;
    await db
      .updateTable('anonymized_datasets')
      .set({
        state: 'done',
        phase: 'done',
        report: JSON.stringify({
          ...dataset.report,
          ...(built.source ? { source: built.source } : {}),
        }),
        data: [dataset.header, ...dataset.rows].map(formatCsvRow).join(''),
        rows: dataset.rows.length,
        finished_at: ctx.clock(),
      })
      .where('id', '=', id)
      .execute();
  } catch (e) {
    await writes.catch(() => {});
    const message =
      e instanceof HogoError
        ? e.message.replace(/"[^"]*"/g, '"…"')
        : 'the job failed (see the log)';
    await db
      .updateTable('anonymized_datasets')
      .set({ state: 'failed', phase: 'failed', error: message, finished_at: ctx.clock() })
      .where('id', '=', id)
      .execute();
    if (!(e instanceof HogoError)) throw e;
  }
}
