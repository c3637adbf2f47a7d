import { HogoError } from '../errors/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { exportApprovalView, type ExportApprovalView } from './export-approval-view.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb } from './governance-tables.ts';

/**
 * SECURITY.5, four eyes: a second person approves a take-out asked for by someone else. The
 * requester never approves their own ('approval.by_requester'), nor does the same person under
 * another id (the same name: one OS user's CLI jobs). Needs 'exports.approve'.
 */
export async function approveExport(
  ctx: GovernanceDeps,
  principal: Principal,
  id: string,
): Promise<ExportApprovalView> {
  authorize(principal, 'exports.approve');
  const now = ctx.clock();
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = governanceDb(tx);
    const row = await db
      .selectFrom('export_approvals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) {
      throw new HogoError('approval.not_found', `no export approval ${id}`, { field: 'id' });
    }
    if (row.requested_by === principal.id || row.requested_by_name === principal.name) {
      throw new HogoError(
        'approval.by_requester',
        'an export is approved by someone other than who asked for it (four eyes, SECURITY.5)',
        { clauses: ['SECURITY.5'] },
      );
    }
    if (row.state !== 'requested') {
      throw new HogoError('approval.conflict', `the approval is ${row.state}`, {
        state: row.state,
      });
    }
    const updated = await db
      .updateTable('export_approvals')
      .set({ state: 'approved', approved_by: principal.id, approved_at: now })
      .where('id', '=', id)
      .where('state', '=', 'requested')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new HogoError('approval.conflict', 'the approval changed meanwhile');
    }
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'approval.approve',
        clauses: ['SECURITY.5'],
        detail: { approvalId: id, kind: row.kind, subject: row.subject },
      },
    ]);
    return exportApprovalView({
      ...row,
      state: 'approved',
      approved_by: principal.id,
      approved_at: now,
    });
  });
}
