import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/app-context.ts';
import type { Authenticate, Principal, RoleName } from '../security/index.ts';
import { buildApp, type AppOptions } from './build-app.ts';

/**
 * For route tests: the real app (`buildApp`) over `ctx`, its authentication injected — the
 * `x-test-role` header (and `x-test-scope`, comma-separated categories) is the principal.
 */
export function testApp(
  ctx: AppContext,
  options: Omit<Partial<AppOptions>, 'context'> = {},
): Promise<FastifyInstance> {
  return buildApp({
    policy: ctx.policy,
    context: ctx,
    logLevel: false,
    authenticate: headerPrincipal,
    ...options,
  });
}

/** The principal the test headers name; none without `x-test-role`. */
export const headerPrincipal: Authenticate = async (request) => {
  const role = request.headers['x-test-role'] as RoleName | undefined;
  const scope = request.headers['x-test-scope'] as string | undefined;
  return role === undefined ? undefined : testPrincipal(role, scope);
};

function testPrincipal(role: RoleName, scope: string | undefined): Principal {
  return {
    id: `test-${role}`,
    kind: 'user',
    name: `test ${role}`,
    role,
    scope: { categories: scope ? new Set(scope.split(',')) : 'all', purposes: 'all' },
  };
}
