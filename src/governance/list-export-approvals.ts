import { authorize, type Principal } from '../security/index.ts';
import { exportApprovalView, type ExportApprovalView } from './export-approval-view.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb } from './governance-tables.ts';

/** SECURITY.5: the approvals, newest first, optionally of one state (the queue: 'requested'). */
export async function listExportApprovals(
  ctx: GovernanceDeps,
  principal: Principal,
  filter: { readonly state?: string } = {},
): Promise<ExportApprovalView[]> {
  authorize(principal, 'self');
  let q = governanceDb(ctx.store.db).selectFrom('export_approvals').selectAll();
  if (filter.state !== undefined) q = q.where('state', '=', filter.state);
  const rows = await q.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  return rows.map(exportApprovalView);
}
