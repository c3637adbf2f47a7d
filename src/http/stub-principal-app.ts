import Fastify, { type FastifyInstance } from 'fastify';
import {
  requirePermission,
  type Permission,
  type Principal,
  type RoleName,
} from '../security/index.ts';
import { requireAccessDeclaration } from './access-guard.ts';
import { HogoError } from '../errors/index.ts';
import { statusForCode } from './http-error.ts';

/**
 * For route tests: a Fastify app like buildApp's (access declarations, error codes), with the
 * authentication hook stubbed — the `x-test-role` header (and `x-test-scope`, comma-separated
 * categories) is the principal. `register` adds the slice's routes.
 */
export async function stubPrincipalApp(
  register: (app: FastifyInstance) => void,
): Promise<FastifyInstance> {
  const app = Fastify({ ajv: { customOptions: { keywords: ['errorMessage'] } } });
  requireAccessDeclaration(app);
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'] as RoleName | undefined;
    const scope = request.headers['x-test-scope'] as string | undefined;
    if (role !== undefined) request.principal = testPrincipal(role, scope);
    const access = request.routeOptions.config.access;
    if (access !== undefined && 'permission' in access) {
      requirePermission(request, access.permission as Permission);
    }
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HogoError) {
      return reply
        .status(statusForCode(error.code))
        .send({ error: { code: error.code, message: error.message, ...error.details } });
    }
    const e = error as { statusCode?: number; validation?: unknown; message: string };
    const status = e.validation !== undefined ? 400 : (e.statusCode ?? 500);
    return reply.status(status).send({ error: { code: 'request.invalid', message: e.message } });
  });
  register(app);
  await app.ready();
  return app;
}

function testPrincipal(role: RoleName, scope: string | undefined): Principal {
  return {
    id: `test-${role}`,
    kind: 'user',
    name: `test ${role}`,
    role,
    scope: { categories: scope ? new Set(scope.split(',')) : 'all', purposes: 'all' },
  };
}
