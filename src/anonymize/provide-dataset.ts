import { HogoError } from '../errors/index.ts';
import type { Localized } from '../policy/index.ts';
import { recordAnonymizedProvision } from '../provision/index.ts';
import { authorize, newId } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AnonymizeDeps } from './anonymize-deps.ts';
import { anonymizeDb, type AnonymizeTables } from './anonymize-tables.ts';
import { requireDataset } from './read-dataset.ts';
import { recipientNotice } from './recipient-notice.ts';

/** A provision made: the provision slice's record and the notice the recipient is sent. */
export interface DatasetProvision {
  readonly provisionId: string;
  readonly recipient: { readonly id: string; readonly name: string };
  readonly providedAt: string;
  readonly notice: {
    readonly id: string;
    readonly en: { readonly subject: string; readonly body: string };
    readonly ja: { readonly subject: string; readonly body: string };
  };
}

/**
 * Provides a published data set to a registered third party (APPI Art. 44): the provision
 * slice records it naming the recipient, and the notice telling the recipient in writing that
 * it is anonymously processed information (with its items and the method) is stored with the
 * data set, in one transaction. A data set not yet published is refused: the items and the
 * method are published before a provision (PPC Rules Art. 37). Only the privacy officer.
 */
export async function provideDataset(
  ctx: AnonymizeDeps,
  principal: Principal,
  id: string,
  input: { readonly recipientId: string },
): Promise<DatasetProvision> {
  authorize(principal, 'anonymize.publish');
  return ctx.store.db.transaction().execute(async (tx) => {
    const row = await requireDataset(tx, id);
    if (row.published_at === null) {
      throw new HogoError(
        'anonymize.not_published',
        'publish the items and the method of provision before providing the data set (APPI Art. 44)',
        { field: 'id' },
      );
    }
    const items = JSON.parse(row.published_items!) as Localized[];
    const method = JSON.parse(row.published_method!) as Localized;
    const record = await recordAnonymizedProvision(ctx, tx, principal, {
      datasetId: row.id,
      datasetName: row.name,
      recipientId: input.recipientId,
      items: items.map((i) => i.en),
      method: method.en,
    });
    const letter = recipientNotice({
      company: ctx.policy.document.company,
      recipientName: record.recipient.name,
      datasetName: row.name,
      items,
      method,
      providedOn: new Date(record.providedAt + 9 * 3_600_000).toISOString().slice(0, 10),
    });
    const notice: AnonymizeTables['anonymized_dataset_notices'] = {
      id: newId(record.providedAt),
      dataset_id: row.id,
      provision_id: record.id,
      recipient_id: record.recipient.id,
      recipient_name: record.recipient.name,
      subject_en: letter.en.subject,
      body_en: letter.en.body,
      subject_ja: letter.ja.subject,
      body_ja: letter.ja.body,
      created_at: record.providedAt,
      created_by: principal.id,
    };
    await anonymizeDb(tx).insertInto('anonymized_dataset_notices').values(notice).execute();
    return {
      provisionId: record.id,
      recipient: { id: record.recipient.id, name: record.recipient.name },
      providedAt: new Date(record.providedAt).toISOString(),
      notice: { id: notice.id, ...letter },
    };
  });
}

/** The notices sent for a data set's provisions, oldest first. Needs 'anonymize.read'. */
export async function datasetNotices(
  ctx: AnonymizeDeps,
  principal: Principal,
  id: string,
): Promise<AnonymizeTables['anonymized_dataset_notices'][]> {
  authorize(principal, 'anonymize.read');
  await requireDataset(ctx.store.db, id);
  return anonymizeDb(ctx.store.db)
    .selectFrom('anonymized_dataset_notices')
    .selectAll()
    .where('dataset_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
