import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HogoError } from '../../errors/index.ts';
import { isPermission, type Principal } from '../principal.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { authenticateBearer } from './authenticate-bearer.ts';
import { bearerToken } from './bearer-token.ts';
import { requirePermission } from './require-permission.ts';
import './principal-request.ts';

/**
 * Who sends a request, in place of the bearer tokens (route tests): the principal, or
 * undefined when it names none. `requester`: the route takes a customer's requester token.
 */
export type Authenticate = (
  request: FastifyRequest,
  options: { readonly requester: boolean },
) => Promise<Principal | undefined>;

/**
 * Withholds permissions from a principal as it is authenticated (SECURITY.4: training lapsed);
 * composed by the app from a higher slice, which the security slice cannot import.
 */
export type PrincipalGate = (principal: Principal) => Promise<Principal>;

/**
 * SECURITY.6: on every route whose `config.access` names a permission, reads
 * `Authorization: Bearer <session or API token>`, answers 401 'auth.unauthenticated' when it is
 * missing, unknown, expired or revoked and 403 'auth.forbidden' when the role lacks the
 * permission, and sets `request.principal`. On a public route a token, when sent, is verified
 * and sets the principal too. A customer's requester token counts only on routes needing
 * 'requests.own'; anywhere else it is an unknown token. Without `deps` (no database) such routes are
 * refused, never open. A route naming an unknown permission is refused at registration.
 * `authenticate`, when given, says who asks instead of the tokens (route tests; no `gate`
 * then); permissions are checked alike. `gate` withholds permissions from a signed-in principal.
 */
export function registerAuthentication(
  app: FastifyInstance,
  deps: Pick<SecurityDeps, 'store' | 'clock'> | undefined,
  options: { readonly authenticate?: Authenticate; readonly gate?: PrincipalGate } = {},
): void {
  const { authenticate, gate } = options;
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access !== undefined && 'permission' in access && !isPermission(access.permission)) {
      throw new Error(
        `route ${String(route.method)} ${route.url} names unknown permission '${access.permission}'`,
      );
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return;
    if (authenticate !== undefined) {
      const requester = 'permission' in access && access.permission === 'requests.own';
      const caller = await authenticate(request, { requester });
      if (caller !== undefined) request.principal = caller;
      if (!('permission' in access)) return;
      if (caller === undefined) {
        reply.header('www-authenticate', 'Bearer');
        throw new HogoError('auth.unauthenticated', 'no principal sent with the request');
      }
      requirePermission(request, access.permission as Parameters<typeof requirePermission>[1]);
      return;
    }
    const token = bearerToken(request);
    if (!('permission' in access)) {
      // A public route still learns who asks when a token is sent (POST /v1/decide by customer
      // needs it); a token that does not verify is refused rather than ignored.
      if (token === undefined || deps === undefined) return;
      const caller = await authenticateBearer(deps, token);
      if (caller === undefined) {
        reply.header('www-authenticate', 'Bearer');
        throw new HogoError(
          'auth.unauthenticated',
          'the token sent is unknown, expired or revoked',
        );
      }
      request.principal = gate ? await gate(caller) : caller;
      return;
    }
    // REQUEST.WEB: a requester token is accepted on the customer's own request routes only.
    const requester = access.permission === 'requests.own';
    const principal =
      deps !== undefined && token !== undefined
        ? await authenticateBearer(deps, token, { requester })
        : undefined;
    if (principal === undefined) {
      // RFC 6750 §3: a 401 names the scheme the client should use.
      reply.header('www-authenticate', 'Bearer');
      throw new HogoError(
        'auth.unauthenticated',
        deps === undefined
          ? 'this server runs without a database: no route that needs a permission is available'
          : 'sign in, or send an API token (Authorization: Bearer …)',
      );
    }
    request.principal = gate ? await gate(principal) : principal;
    // access.permission is known: checked when the route was registered.
    requirePermission(request, access.permission as Parameters<typeof requirePermission>[1]);
  });
}
