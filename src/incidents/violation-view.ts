import type { IncidentTables } from './incident-tables.ts';

/** A suspected violation reported (SECURITY.3), and what the privacy officer made of it. */
export interface ViolationView {
  readonly id: string;
  /** True when sent through the anonymous form: no reporter is kept. */
  readonly anonymous: boolean;
  readonly reportedBy: string | null;
  readonly summary: string;
  /** 'open' until triaged; then 'incident' (turned into one, linked) or 'closed' (with a reason). */
  readonly status: 'open' | 'incident' | 'closed';
  readonly incidentId: string | null;
  readonly closeReason: string | null;
  readonly triagedBy: string | null;
  readonly triagedAt: string | null;
  readonly createdAt: string;
}

const iso = (at: number | null) => (at === null ? null : new Date(Number(at)).toISOString());

/** A stored violation report as the API shows it. */
export function toViolationView(r: IncidentTables['violation_reports']): ViolationView {
  return {
    id: r.id,
    anonymous: Number(r.anonymous) === 1,
    reportedBy: r.reported_by,
    summary: r.summary,
    status: r.status as ViolationView['status'],
    incidentId: r.incident_id,
    closeReason: r.close_reason,
    triagedBy: r.triaged_by,
    triagedAt: iso(r.triaged_at),
    createdAt: iso(r.created_at)!,
  };
}
