import type { RegistryDeps } from './registry-deps.ts';
import { type Principal, authorize } from '../security/index.ts';
import { newId } from './new-id.ts';
import { invalidField } from './normalize/invalid-field.ts';
import { normalizeName } from './normalize/normalize-name.ts';
import { RELATIONS, type FamilyLinkInput } from './registry-input.ts';
import { registryDb } from './registry-tables.ts';
import { requireCustomer } from './require-customer.ts';
import { familyContext } from './value-contexts.ts';

/**
 * PROVIDE.FAMILY: records a family member of the customer (never a friend living together),
 * either another customer or a named person (the name stored encrypted), so that a caller
 * answering as family can be checked. Audited as 'family.link'. Needs 'registry.write'.
 */
export async function linkFamily(
  ctx: RegistryDeps,
  principal: Principal,
  input: { readonly customerId: string; readonly link: FamilyLinkInput },
): Promise<{ readonly id: string }> {
  authorize(principal, 'registry.write');
  const l = input.link;
  if (!RELATIONS.includes(l.relation as never))
    throw invalidField('relation', `must be one of: ${RELATIONS.join(', ')}`);
  if ((l.relatedCustomerId === undefined) === (l.name === undefined)) {
    throw invalidField('relatedCustomerId', 'give either relatedCustomerId or name, not both');
  }
  const name = l.name === undefined ? undefined : normalizeName(l.name, 'name');
  return ctx.store.db.transaction().execute(async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, principal);
    if (l.relatedCustomerId !== undefined) {
      if (l.relatedCustomerId === customer.id) {
        throw invalidField('relatedCustomerId', 'must be another customer');
      }
      await requireCustomer(tx, l.relatedCustomerId, principal);
    }
    const id = newId();
    const cipher =
      name === undefined
        ? undefined
        : (await ctx.keys.ciphersFor(tx, [customer.id])).get(customer.id)!;
    await registryDb(tx)
      .insertInto('family_links')
      .values({
        id,
        customer_id: customer.id,
        relation: l.relation,
        related_customer_id: l.relatedCustomerId ?? null,
        name: cipher === undefined ? null : cipher.encrypt(name!, familyContext(id)),
        created_at: ctx.clock(),
        ended_at: null,
      })
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'family.link',
        customerId: customer.id,
        clauses: ['PROVIDE.FAMILY'],
        detail: { id, relation: l.relation, relatedCustomerId: l.relatedCustomerId ?? null },
      },
    ]);
    return { id };
  });
}
