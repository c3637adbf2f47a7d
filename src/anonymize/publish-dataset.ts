import { HogoError } from '../errors/index.ts';
import type { Localized, PublishedDataset } from '../policy/index.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AnonymizeDeps } from './anonymize-deps.ts';
import type { AnonymizationReport } from './anonymize-dataset.ts';
import { anonymizeDb } from './anonymize-tables.ts';
import { parseDatasetDefinition } from './dataset-definition.ts';
import { datasetView, type DatasetView } from './dataset-view.ts';
import { publishedItems } from './published-items.ts';
import { requireDataset } from './read-dataset.ts';

/** The method of provision, in both languages (APPI Art. 44: published before providing). */
export interface PublishInput {
  readonly method: Localized;
}

/**
 * Publishes a finished data set (APPI Art. 43(3), 44; PPC Rules Art. 36): the items of
 * information it contains (derived from the data set, not typed) and the method of provision,
 * kept with the data set and shown at once on the public policy pages. Only the privacy
 * officer publishes ('anonymize.publish'); a data set is published once.
 */
export async function publishDataset(
  ctx: AnonymizeDeps,
  principal: Principal,
  id: string,
  input: PublishInput,
): Promise<DatasetView> {
  authorize(principal, 'anonymize.publish');
  const method = input.method;
  for (const lang of ['en', 'ja'] as const) {
    const text = method?.[lang];
    if (typeof text !== 'string' || text.trim() === '') {
      throw new HogoError(
        'anonymize.definition',
        `method.${lang}: the method of provision is needed in ${lang === 'en' ? 'English' : 'Japanese'}`,
        {
          field: `method.${lang}`,
        },
      );
    }
  }
  return ctx.store.db.transaction().execute(async (tx) => {
    const row = await requireDataset(tx, id);
    if (row.state !== 'done') {
      throw new HogoError(
        'anonymize.conflict',
        `the data set is ${row.state}, not done: nothing is published`,
        { field: 'id' },
      );
    }
    if (row.published_at !== null) {
      throw new HogoError('anonymize.conflict', 'the data set is already published', {
        field: 'id',
      });
    }
    const definition = parseDatasetDefinition(row.definition, 'definition');
    const report = JSON.parse(row.report!) as AnonymizationReport;
    const items = publishedItems(definition, report, ctx.policy.document.categories);
    const now = ctx.clock();
    const stored = { en: method.en.trim(), ja: method.ja!.trim() };
    await anonymizeDb(tx)
      .updateTable('anonymized_datasets')
      .set({
        published_items: JSON.stringify(items),
        published_method: JSON.stringify(stored),
        published_at: now,
        published_by: principal.id,
      })
      .where('id', '=', id)
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'anonymize.publish',
        clauses: ['ANONYMIZED'],
        detail: { datasetId: id, items: items.length },
      },
    ]);
    return datasetView(await requireDataset(tx, id));
  });
}

/**
 * The published data sets, for the public policy pages (no personal information: names, items,
 * methods and dates). Reads only this slice's table: the page never touches the registry.
 */
export async function publishedDatasets(
  ctx: Pick<AnonymizeDeps, 'store'>,
): Promise<PublishedDataset[]> {
  const rows = await anonymizeDb(ctx.store.db)
    .selectFrom('anonymized_datasets')
    .select(['name', 'published_items', 'published_method', 'published_at'])
    .where('published_at', 'is not', null)
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    name: r.name,
    // The day in Japan time (UTC+9, no daylight saving).
    publishedOn: new Date(Number(r.published_at) + 9 * 3_600_000).toISOString().slice(0, 10),
    items: JSON.parse(r.published_items!) as Localized[],
    method: JSON.parse(r.published_method!) as Localized,
  }));
}
