import type { ExportKind } from './export-kind.ts';
import type { GovernanceTables } from './governance-tables.ts';

/** An export approval as the API and the CLI show it (SECURITY.5). */
export interface ExportApprovalView {
  readonly id: string;
  readonly kind: ExportKind;
  readonly subject: string;
  readonly reason: string;
  readonly state: 'requested' | 'approved' | 'used';
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly usedBy: string | null;
  readonly usedAt: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** The view of one stored row. */
export function exportApprovalView(row: GovernanceTables['export_approvals']): ExportApprovalView {
  return {
    id: row.id,
    kind: row.kind as ExportKind,
    subject: row.subject,
    reason: row.reason,
    state: row.state as ExportApprovalView['state'],
    requestedBy: row.requested_by,
    requestedAt: iso(row.requested_at)!,
    approvedBy: row.approved_by,
    approvedAt: iso(row.approved_at),
    usedBy: row.used_by,
    usedAt: iso(row.used_at),
  };
}
