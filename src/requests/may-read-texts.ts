import { can, type Principal } from '../security/index.ts';
import type { CustomerRequest } from './customer-request.ts';

/**
 * True when the principal may read a request's free texts: the customer it is about (their own
 * request), or staff with 'registry.readValues' whose scope covers every category — a free
 * text may hold anything, so a narrower scope reads none.
 */
export function mayReadTexts(principal: Principal, request: CustomerRequest): boolean {
  if (principal.kind === 'customer')
    return can(principal, 'requests.own') && principal.customerId === request.customerId;
  return can(principal, 'registry.readValues') && principal.scope.categories === 'all';
}
