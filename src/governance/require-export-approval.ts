import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import type { Principal } from '../security/index.ts';
import type { ExportKind } from './export-kind.ts';
import { governanceDb } from './governance-tables.ts';

/** The take-out an approval is used for. */
export interface ApprovalUse {
  /** The approval id the caller gives; absent, the take-out is refused. */
  readonly approvalId: string | undefined;
  readonly kind: ExportKind;
  readonly subject: string;
}

/**
 * SECURITY.5: call inside the take-out's own transaction, before any value is read. Refuses
 * without an approval ('approval.required'), with one not approved, used before, or for another
 * kind or subject; otherwise marks it used by `principal`, so it serves once and is undone with
 * a failed take-out. Returns the approval id, which the file carries.
 */
export async function requireExportApproval(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  use: ApprovalUse,
  now: number,
): Promise<string> {
  if (use.approvalId === undefined || use.approvalId === '') {
    throw new HogoError(
      'approval.required',
      `a ${use.kind} of ${use.subject} needs an approval by a second person first (SECURITY.5)`,
      { field: 'approvalId', clauses: ['SECURITY.5'] },
    );
  }
  const db = governanceDb(tx);
  const row = await db
    .selectFrom('export_approvals')
    .selectAll()
    .where('id', '=', use.approvalId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new HogoError('approval.not_found', `no export approval ${use.approvalId}`, {
      field: 'approvalId',
    });
  }
  if (row.kind !== use.kind || row.subject !== use.subject) {
    throw new HogoError(
      'approval.mismatch',
      `approval ${row.id} is for a ${row.kind} of ${row.subject}, not a ${use.kind} of ${use.subject}`,
      { field: 'approvalId', clauses: ['SECURITY.5'] },
    );
  }
  if (row.state === 'used') {
    throw new HogoError('approval.used', `approval ${row.id} was used already: one per take-out`, {
      field: 'approvalId',
      clauses: ['SECURITY.5'],
    });
  }
  if (row.state !== 'approved') {
    throw new HogoError('approval.not_approved', `approval ${row.id} awaits a second person`, {
      field: 'approvalId',
      clauses: ['SECURITY.5'],
    });
  }
  const updated = await db
    .updateTable('export_approvals')
    .set({ state: 'used', used_by: principal.id, used_at: now })
    .where('id', '=', row.id)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new HogoError('approval.used', `approval ${row.id} was used already: one per take-out`, {
      field: 'approvalId',
    });
  }
  return row.id;
}
