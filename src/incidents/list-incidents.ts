import type { IncidentDeps } from './incident-deps.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { auditIncidentRead } from './audit-incident-read.ts';
import { filingsOf } from './incident-filings.ts';
import { incidentDb } from './incident-tables.ts';
import type { IncidentView } from './incident-view.ts';
import { requireIncident } from './require-incident.ts';
import { toIncidentView } from './to-incident-view.ts';

/** Recorded incidents, newest first, each with its due status today; audited. Needs 'incidents.read'. */
export async function listIncidents(
  ctx: IncidentDeps,
  principal: Principal,
): Promise<IncidentView[]> {
  authorize(principal, 'incidents.read');
  const rows = await incidentDb(ctx.store.db)
    .selectFrom('incidents')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  const filings = await filingsOf(
    ctx.store.db,
    rows.map((r) => r.id),
  );
  await auditIncidentRead(ctx, principal, 'incident.list', { count: rows.length });
  const now = ctx.clock();
  return rows.map((r) => toIncidentView(r, now, ctx.policy.offset, filings.get(r.id)));
}

/** One incident with its deadlines and filings; audited. Needs 'incidents.read'. */
export async function showIncident(
  ctx: IncidentDeps,
  principal: Principal,
  incidentId: string,
): Promise<IncidentView> {
  authorize(principal, 'incidents.read');
  const row = await requireIncident(ctx.store.db, incidentId);
  const filings = await filingsOf(ctx.store.db, [row.id]);
  await auditIncidentRead(ctx, principal, 'incident.read', { incidentId: row.id });
  return toIncidentView(row, ctx.clock(), ctx.policy.offset, filings.get(row.id));
}
