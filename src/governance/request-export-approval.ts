import { HogoError } from '../errors/index.ts';
import { newId } from '../registry/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { exportApprovalView, type ExportApprovalView } from './export-approval-view.ts';
import { EXPORT_KINDS, PERMISSION_OF_EXPORT, type ExportKind } from './export-kind.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { governanceDb } from './governance-tables.ts';

/** What an approval is asked for. */
export interface ExportApprovalInput {
  readonly kind: ExportKind;
  readonly subject: string;
  readonly reason: string;
}

/**
 * SECURITY.5: ask a second person to approve one bulk take-out of personal values, with the
 * reason. Needs the permission of the take-out itself (an ad export: 'provision.export').
 */
export async function requestExportApproval(
  ctx: GovernanceDeps,
  principal: Principal,
  input: ExportApprovalInput,
): Promise<ExportApprovalView> {
  if (!(EXPORT_KINDS as readonly string[]).includes(input.kind)) {
    throw new HogoError('approval.invalid', `kind must be one of ${EXPORT_KINDS.join(', ')}`, {
      field: 'kind',
    });
  }
  authorize(principal, PERMISSION_OF_EXPORT[input.kind]);
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > 500) {
    throw new HogoError('approval.invalid', 'a reason of 1 to 500 characters is required', {
      field: 'reason',
    });
  }
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(input.subject)) {
    throw new HogoError('approval.invalid', 'subject is an id (letters, digits, . _ : -)', {
      field: 'subject',
    });
  }
  const now = ctx.clock();
  const row = {
    id: newId(now),
    kind: input.kind,
    subject: input.subject,
    reason,
    state: 'requested',
    requested_by: principal.id,
    requested_by_name: principal.name,
    requested_at: now,
    approved_by: null,
    approved_at: null,
    used_by: null,
    used_at: null,
  };
  await ctx.store.db.transaction().execute(async (tx) => {
    await governanceDb(tx).insertInto('export_approvals').values(row).execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'approval.request',
        clauses: ['SECURITY.5'],
        detail: { approvalId: row.id, kind: row.kind, subject: row.subject },
      },
    ]);
  });
  return exportApprovalView(row);
}
