import { HogoError } from '../errors/index.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AnonymizeDeps } from './anonymize-deps.ts';
import { requireDataset } from './read-dataset.ts';

/**
 * Where an approval of the export will be asked (four eyes, the governance slice): the one call
 * made before any byte of a data set leaves. Today it lets the download through; the approval
 * check replaces its body without touching the callers.
 */
export async function approveDatasetDownload(
  _ctx: AnonymizeDeps,
  _principal: Principal,
  _datasetId: string,
): Promise<void> {}

/**
 * A finished data set as CSV, its download audited ('anonymize.download'). Reads only this
 * slice's table: no registry value is joined back. Needs 'anonymize.create'.
 */
export async function downloadDataset(
  ctx: AnonymizeDeps,
  principal: Principal,
  id: string,
): Promise<{ name: string; csv: string }> {
  authorize(principal, 'anonymize.create');
  await approveDatasetDownload(ctx, principal, id);
  return ctx.store.db.transaction().execute(async (tx) => {
    const row = await requireDataset(tx, id);
    if (row.state !== 'done' || row.data === null) {
      throw new HogoError(
        'anonymize.conflict',
        `the data set is ${row.state}: nothing to download`,
        {
          field: 'id',
        },
      );
    }
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'anonymize.download',
        clauses: ['ANONYMIZED'],
        detail: { datasetId: id, rows: row.rows },
      },
    ]);
    return { name: row.name, csv: row.data };
  });
}
