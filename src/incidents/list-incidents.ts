import type { IncidentDeps } from './incident-deps.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { incidentDb } from './incident-tables.ts';
import type { IncidentView } from './incident-view.ts';
import { toIncidentView } from './to-incident-view.ts';

/** Recorded incidents, newest first, each with its due status today. Needs 'incidents.read'. */
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
  const now = ctx.clock();
  return rows.map((r) => toIncidentView(r, now, ctx.policy.offset));
}
