import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import { type CustomerView, readCustomer } from '../registry/index.ts';
import { authorize, type Principal } from '../security/index.ts';
import { requireRequest } from './require-request.ts';

/**
 * Kinds whose fulfilment shows the customer's current values to the staff member: the items
 * to correct. Others (a suspension's purposes need the group only) read none.
 */
const NEEDS_VALUES = new Set(['REQUEST.AMENDMENT']);

/**
 * The customer of a request under way, read for that request: APPI Art. 34–35, the person's
 * own request is the legal basis of the read (audited with it), not a use for a purpose, so a
 * suspension of use the person asked for does not hide the values being corrected. Only while
 * the request is in progress, and values only for an amendment; other kinds read none. Needs 'requests.manage' (values as 'registry.readValues' and scope allow).
 */
export async function requestCustomer(
  ctx: RequestDeps,
  principal: Principal,
  input: { readonly requestId: string },
): Promise<CustomerView> {
  authorize(principal, 'requests.manage');
  const request = await requireRequest(ctx.store.db, input.requestId, { principal });
  if (request.state !== 'inProgress')
    throw new HogoError(
      'requests.not_in_progress',
      `the request is ${request.state}: its customer is read for it only while it is in progress`,
      { field: 'requestId', state: request.state },
    );
  if (!NEEDS_VALUES.has(request.kind))
    return readCustomer(ctx, principal, { customerId: request.customerId, values: false });
  return readCustomer(ctx, principal, {
    customerId: request.customerId,
    basis: { clause: request.kind, requestId: request.id },
  });
}
