import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import { isDecisionError } from '../policy/index.ts';
import { decideForCustomers, readCustomer } from '../registry/index.ts';
import { purposeInScope, type Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';

/** The purposes of use that apply to one category of the customer's items. */
export interface CategoryPurposes {
  readonly category: string;
  readonly purposes: readonly string[];
}

/**
 * REQUEST.PURPOSES (APPI Art. 32(2)): the purposes of use of the customer's retained personal
 * data — for each category of their current items, every listed purpose of their group that
 * `decide` permits for one of them now, as the registry's facts and the policy file have it.
 * Only ids go into the summary (no value is read); the outcome letter words them in the
 * customer's language. The principal's scope must cover every such purpose ('auth.forbidden'
 * otherwise: a notice cannot leave a purpose out by accident of scope). Decisions are audited
 * by the registry.
 */
export async function fulfilPurposesNotice(
  ctx: RequestDeps,
  principal: Principal,
  request: CustomerRequest,
): Promise<{ readonly purposesByCategory: readonly CategoryPurposes[] }> {
  const customer = await readCustomer(ctx, principal, {
    customerId: request.customerId,
    values: false,
  });
  const purposes = [...ctx.policy.purposes.values()].filter(
    (p) => p.group === customer.group && p.kind === 'listed',
  );
  if (purposes.some((p) => !purposeInScope(principal, p.id)))
    throw new HogoError(
      'auth.forbidden',
      'a notice of purposes needs a principal whose scope covers every purpose of the customer’s group',
      { permission: 'decide.customer' },
    );
  const at = new Date(ctx.clock()).toISOString();
  const inputs = customer.items.flatMap((item) =>
    purposes.map((p) => ({ customerId: customer.id, itemId: item.id, purpose: p.id, at })),
  );
  const outcomes = await decideForCustomers(ctx, principal, inputs);
  const categoryOf = new Map(customer.items.map((i) => [i.id, i.category]));
  const byCategory = new Map<string, Set<string>>();
  for (const item of customer.items) byCategory.set(item.category, new Set());
  outcomes.forEach((o, i) => {
    if (isDecisionError(o) || o.decision !== 'permit') return;
    const input = inputs[i]!;
    byCategory.get(categoryOf.get(input.itemId)!)!.add(input.purpose);
  });
  // In the policy file's order of purposes, so the letter reads like the published page.
  const order = purposes.map((p) => p.id);
  return {
    purposesByCategory: [...byCategory].map(([category, set]) => ({
      category,
      purposes: order.filter((id) => set.has(id)),
    })),
  };
}
