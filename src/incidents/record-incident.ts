import type { IncidentDeps } from './incident-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize, countAffectedCustomers, newId, type AffectedQuery } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { breachDuties } from './breach-duties.ts';
import type { BreachFacts } from './breach-facts.ts';
import { incidentDb } from './incident-tables.ts';
import type { IncidentView } from './incident-view.ts';
import { toIncidentView } from './to-incident-view.ts';

/** What staff record of an incident: the facts of Rule 7, and whose data (a registry query). */
export interface IncidentInput extends Omit<BreachFacts, 'persons'> {
  readonly affected: AffectedQuery;
}

/**
 * Records an incident (APPI Art. 26): the people affected are counted in the registry from the
 * query, never copied; the duties are decided from the BREACH clauses in force; the row and its
 * audit entry are written together. Needs 'incidents.manage'.
 */
export async function recordIncident(
  ctx: IncidentDeps,
  principal: Principal,
  input: IncidentInput,
): Promise<IncidentView> {
  authorize(principal, 'incidents.manage');
  const breach = ctx.policy.document.breach;
  if (breach === undefined)
    throw new HogoError('incidents.no_breach_clause', 'the policy file has no breach section');
  const persons = await countAffectedCustomers(ctx, principal, input.affected);
  const facts: BreachFacts = { ...input, persons };
  const duties = breachDuties(breach, facts);
  const id = newId();
  const now = ctx.clock();
  await ctx.store.db.transaction().execute(async (tx) => {
    await incidentDb(tx)
      .insertInto('incidents')
      .values({
        id,
        known_on: input.knownOn,
        persons,
        facts: JSON.stringify(facts),
        duties: JSON.stringify(duties),
        reportable: duties.reportable ? 1 : 0,
        preliminary_due: duties.preliminaryDue,
        final_due: duties.finalDue,
        created_by: principal.id,
        created_at: now,
      })
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'incident.record',
        detail: { incidentId: id, persons, reportable: duties.reportable, clauses: duties.clauses },
      },
    ]);
  });
  return toIncidentView(
    {
      id,
      known_on: input.knownOn,
      persons,
      facts: JSON.stringify(facts),
      duties: JSON.stringify(duties),
      created_by: principal.id,
      created_at: now,
    },
    now,
    ctx.policy.offset,
  );
}
