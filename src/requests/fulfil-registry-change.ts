import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import {
  addItem,
  deleteCustomer,
  readCustomer,
  recordSuspension,
  updateItem,
} from '../registry/index.ts';
import { withdrawFromHeldAdExports } from '../provision/index.ts';
import type { Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';
import type { FulfilInput } from './request-input.ts';

type Summary = Record<string, unknown>;

const missing = (field: string) =>
  new HogoError('requests.invalid_fulfilment', `this kind of request needs ${field}`, { field });

/**
 * Carries out a correction, deletion or suspension in the registry (APPI Art. 34, 35):
 * REQUEST.AMENDMENT updates the named items (each must be the customer's current item),
 * REQUEST.ADDITION adds items, REQUEST.DELETION erases the customer (tombstone and shredded
 * key), REQUEST.SUSPEND_USE / SUSPEND_PROVISION record a suspension from now that every later
 * decision enforces and cites. Returns what was done, as ids only.
 */
export async function fulfilRegistryChange(
  ctx: RequestDeps,
  principal: Principal,
  request: CustomerRequest,
  input: FulfilInput,
): Promise<Summary> {
  const customerId = request.customerId;
  switch (request.kind) {
    case 'REQUEST.AMENDMENT': {
      if (input.amendments === undefined) throw missing('amendments');
      const current = await readCustomer(ctx, principal, { customerId, values: false });
      const own = new Set(current.items.map((i) => i.id));
      const updated = [];
      for (const [i, a] of input.amendments.entries()) {
        if (!own.has(a.itemId))
          throw new HogoError('requests.invalid_item', 'not a current item of this customer', {
            field: `amendments[${i}].itemId`,
          });
        updated.push(
          await updateItem(ctx, principal, {
            itemId: a.itemId,
            update: a.update,
            requestId: request.id,
          }),
        );
      }
      const categoryOf = new Map(current.items.map((i) => [i.id, i.category]));
      return {
        updated,
        corrected: [...new Set(input.amendments.map((a) => categoryOf.get(a.itemId)!))],
      };
    }
    case 'REQUEST.ADDITION': {
      if (input.additions === undefined) throw missing('additions');
      const added = [];
      for (const item of input.additions)
        added.push((await addItem(ctx, principal, { customerId, item })).itemId);
      return { added, addedCategories: [...new Set(input.additions.map((i) => i.category))] };
    }
    case 'REQUEST.DELETION':
      await deleteCustomer(ctx, principal, { customerId, requestId: request.id });
      // The ad exports still held lose the customer now; their platforms are told next time.
      await withdrawFromHeldAdExports(ctx, principal);
      return { deleted: true };
    case 'REQUEST.SUSPEND_USE':
    case 'REQUEST.SUSPEND_PROVISION': {
      const kind = request.kind === 'REQUEST.SUSPEND_USE' ? 'use' : 'provision';
      const { id } = await recordSuspension(ctx, principal, {
        customerId,
        suspension: {
          kind,
          from: new Date(ctx.clock()).toISOString(),
          ...(input.purposes !== undefined ? { purposes: input.purposes } : {}),
        },
      });
      if (kind === 'provision') await withdrawFromHeldAdExports(ctx, principal);
      return { suspensionId: id, suspendedPurposes: input.purposes ?? null };
    }
    default:
      throw new HogoError('requests.invalid_fulfilment', `${request.kind} changes no record`, {
        field: 'kind',
      });
  }
}
