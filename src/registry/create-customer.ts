import type { RegistryDeps } from './registry-deps.ts';
import { type Principal, authorize } from '../security/index.ts';
import { insertCustomersBatch, type CreatedCustomer } from './insert-customers-batch.ts';
import { prepareCustomer } from './prepare-customer.ts';
import type { CustomerInput } from './registry-input.ts';

/**
 * Registers a customer with services, lines and items (OBTAIN): every field normalized first,
 * then all written in one transaction, audited as 'customer.create'. Needs 'registry.write'.
 */
export async function createCustomer(
  ctx: RegistryDeps,
  principal: Principal,
  input: CustomerInput,
): Promise<CreatedCustomer> {
  authorize(principal, 'registry.write');
  const [created] = await insertCustomersBatch(ctx, principal, [
    prepareCustomer(ctx.policy, input, ctx.clock()),
  ]);
  return created!;
}
