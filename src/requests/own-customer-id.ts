import { authorize, type Principal } from '../security/index.ts';
import { HogoError } from '../errors/index.ts';

/**
 * REQUEST.WEB: the one customer a requester token stands for; throws 'auth.forbidden' for any
 * other principal. Needs 'requests.own'.
 */
export function ownCustomerId(principal: Principal): string {
  authorize(principal, 'requests.own');
  if (principal.kind !== 'customer' || principal.customerId === undefined)
    throw new HogoError('auth.forbidden', 'only a customer verified by a one-time code', {
      permission: 'requests.own',
    });
  return principal.customerId;
}
