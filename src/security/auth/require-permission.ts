import type { FastifyRequest } from 'fastify';
import { HogoError } from '../../errors/index.ts';
import { can, type Permission, type Principal } from '../principal.ts';
import './principal-request.ts';

/**
 * The request's principal when its role grants `permission` (SECURITY.6); throws
 * 'auth.unauthenticated' when nobody signed in, 'auth.forbidden' when the role lacks it.
 * For handlers whose check depends on the body, beyond the route's declared access.
 */
export function requirePermission(request: FastifyRequest, permission: Permission): Principal {
  const principal = request.principal;
  if (principal === undefined) {
    throw new HogoError(
      'auth.unauthenticated',
      'sign in, or send an API token (Authorization: Bearer …)',
    );
  }
  const withheld = principal.withheld?.get(permission);
  if (withheld !== undefined) throw withheld;
  if (!can(principal, permission)) {
    throw new HogoError('auth.forbidden', `role ${principal.role} may not ${permission}`, {
      permission,
    });
  }
  return principal;
}
