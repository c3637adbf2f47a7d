import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import { requireExportApproval } from '../governance/index.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { AnonymizeDeps } from './anonymize-deps.ts';
import { requireDataset } from './read-dataset.ts';

/**
 * SECURITY.5, four eyes: a data set leaves only on an approval of its download (kind
 * 'anonymized', subject the data set's id) given by a second person; inside the download's
 * transaction, so the approval is used once and a failed download leaves it unused.
 */
export async function approveDatasetDownload(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  datasetId: string,
  approvalId: string | undefined,
  now: number,
): Promise<string> {
  return requireExportApproval(
    tx,
    principal,
    { approvalId, kind: 'anonymized', subject: datasetId },
    now,
  );
}

/**
 * A finished data set as CSV, its download audited ('anonymize.download'). Reads only this
 * slice's table: no registry value is joined back. Needs 'anonymize.create' and an approval
 * by a second person (SECURITY.5); the file carries the approval id.
 */
export async function downloadDataset(
  ctx: AnonymizeDeps,
  principal: Principal,
  id: string,
  approvalId?: string,
): Promise<{ name: string; csv: string; approvalId: string }> {
  authorize(principal, 'anonymize.create');
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
    const approved = await approveDatasetDownload(tx, principal, id, approvalId, ctx.clock());
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'anonymize.download',
        clauses: ['ANONYMIZED', 'SECURITY.5'],
        detail: { datasetId: id, rows: row.rows, approvalId: approved },
      },
    ]);
    return { name: row.name, csv: row.data, approvalId: approved };
  });
}
