import type { IncidentDeps } from './incident-deps.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { incidentDb } from './incident-tables.ts';
import { toViolationView, type ViolationView } from './violation-view.ts';

/**
 * The violation reports, open ones first, then newest first (the triage queue). Needs
 * 'incidents.read'. Audited as 'violation.list': the summaries are the reporters' words.
 */
export async function listViolations(
  ctx: IncidentDeps,
  principal: Principal,
  filter: { readonly status?: ViolationView['status'] } = {},
): Promise<ViolationView[]> {
  authorize(principal, 'incidents.read');
  return ctx.store.db.transaction().execute(async (tx) => {
    let q = incidentDb(tx).selectFrom('violation_reports').selectAll();
    if (filter.status !== undefined) q = q.where('status', '=', filter.status);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
    await ctx.audit.append(tx, [
      { actor: principal.id, action: 'violation.list', detail: { count: rows.length } },
    ]);
    const views = rows.map(toViolationView);
    return [
      ...views.filter((v) => v.status === 'open'),
      ...views.filter((v) => v.status !== 'open'),
    ];
  });
}
