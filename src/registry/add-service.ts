import type { RegistryDeps } from './registry-deps.ts';
import { type Principal, authorize } from '../security/index.ts';
import { throwProblems } from './normalize/field-problems.ts';
import type { FieldProblem } from './normalize/invalid-field.ts';
import { prepareService } from './prepare-service.ts';
import type { ServiceInput } from './registry-input.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';

/**
 * Adds a service contract to a customer: its origin (SP.2022.TRANSITIONAL: transferred from
 * NTT DOCOMO or not) and claims assignee (PROVIDE.CLAIMS). Audited as 'service.add'. Needs
 * 'registry.write'.
 */
export async function addService(
  ctx: RegistryDeps,
  principal: Principal,
  input: { readonly customerId: string; readonly service: ServiceInput },
): Promise<{ readonly id: string }> {
  authorize(principal, 'registry.write');
  const problems: FieldProblem[] = [];
  const s = prepareService(input.service, '', problems);
  throwProblems(problems);
  const service = s!;
  return ctx.store.db.transaction().execute(async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, principal);
    const now = ctx.clock();
    await registryDb(tx)
      .insertInto('services')
      .values({
        id: service.id,
        customer_id: customer.id,
        name: service.name,
        started_at: service.startedAt,
        ended_at: service.endedAt,
        origin: service.origin,
        transferred_from_docomo: service.transferredFromDocomo ? 1 : 0,
        claims_assignee: service.claimsAssignee,
        created_at: now,
      })
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'service.add',
        customerId: customer.id,
        detail: {
          id: service.id,
          name: service.name,
          transferredFromDocomo: service.transferredFromDocomo,
        },
      },
    ]);
    return { id: service.id };
  });
}
