import { formatCsvRow } from '../intake/index.ts';
import { authorize, newId } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AnonymizeDeps } from './anonymize-deps.ts';
import { anonymizeDb } from './anonymize-tables.ts';
import type { BuiltDataset } from './build-dataset.ts';

/**
 * Keeps a data set made outside a job (`hogo anonymize` over the registry) as a finished row,
 * so it can be published and provided like one made through the API. Needs 'anonymize.create'.
 */
export async function recordDataset(
  ctx: AnonymizeDeps,
  principal: Principal,
  definitionText: string,
  built: BuiltDataset,
): Promise<string> {
  authorize(principal, 'anonymize.create');
  const now = ctx.clock();
  const id = newId(now);
  const { dataset } = built;
  await anonymizeDb(ctx.store.db)
    .insertInto('anonymized_datasets')
    .values({
      id,
      name: dataset.report.dataset,
      definition: definitionText,
      state: 'done',
      phase: 'done',
      done: 1,
      total: 1,
      report: JSON.stringify({
        ...dataset.report,
        ...(built.source ? { source: built.source } : {}),
      }),
      data: [dataset.header, ...dataset.rows].map(formatCsvRow).join(''),
      rows: dataset.rows.length,
      error: null,
      created_by: principal.id,
      created_at: now,
      finished_at: now,
      published_items: null,
      published_method: null,
      published_at: null,
      published_by: null,
    })
    .execute();
  return id;
}
