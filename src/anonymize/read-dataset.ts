import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AnonymizeDeps } from './anonymize-deps.ts';
import { anonymizeDb, type AnonymizeTables } from './anonymize-tables.ts';
import { datasetView, type DatasetView } from './dataset-view.ts';

/** The row of a data set; 'anonymize.not_found' when there is none. */
export async function requireDataset(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  id: string,
): Promise<AnonymizeTables['anonymized_datasets']> {
  const row = await anonymizeDb(db)
    .selectFrom('anonymized_datasets')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) {
    throw new HogoError('anonymize.not_found', 'no such data set', { field: 'id' });
  }
  return row;
}

/** A data set's status, progress, report and publication. Needs 'anonymize.read'. */
export async function readDataset(
  ctx: AnonymizeDeps,
  principal: Principal,
  id: string,
): Promise<DatasetView> {
  authorize(principal, 'anonymize.read');
  return datasetView(await requireDataset(ctx.store.db, id));
}

/** Every data set, newest first. Needs 'anonymize.read'. */
export async function listDatasets(
  ctx: AnonymizeDeps,
  principal: Principal,
): Promise<DatasetView[]> {
  authorize(principal, 'anonymize.read');
  const rows = await anonymizeDb(ctx.store.db)
    .selectFrom('anonymized_datasets')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map(datasetView);
}
