import { HogoError } from '../errors/index.ts';
import { can, type Permission, type Principal } from './principal.ts';

/**
 * SECURITY.6: throws 'auth.forbidden' unless the principal's role grants one of the
 * permissions. Use cases check for themselves, whatever adapter called them.
 */
export function authorize(principal: Principal, ...permissions: readonly Permission[]): void {
  if (permissions.some((p) => can(principal, p))) return;
  // A gate's refusal says why (SECURITY.4: which training lapsed, and when).
  const withheld = permissions.map((p) => principal.withheld?.get(p)).find((e) => e !== undefined);
  if (withheld !== undefined) throw withheld;
  throw new HogoError(
    'auth.forbidden',
    `role ${principal.role} may not ${permissions.join(' or ')}`,
    {
      permission: permissions[0],
    },
  );
}
