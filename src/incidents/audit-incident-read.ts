import type { IncidentDeps } from './incident-deps.ts';
import type { Principal } from '../security/index.ts';

/**
 * SECURITY.3, §4: who looked at an incident, its report forms or the list is kept in the audit
 * log like every other step of the breach response (the reports hold counts and the company's
 * account of a leak, never a customer's values).
 */
export async function auditIncidentRead(
  ctx: IncidentDeps,
  principal: Principal,
  action: 'incident.list' | 'incident.read' | 'incident.report.read',
  detail: Readonly<Record<string, unknown>>,
): Promise<void> {
  await ctx.store.db
    .transaction()
    .execute((tx) => ctx.audit.append(tx, [{ actor: principal.id, action, detail }]));
}
