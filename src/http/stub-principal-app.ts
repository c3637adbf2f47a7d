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
import { validationProblem } from './validation-problem.ts';

/**
 * For route tests: a Fastify app like buildApp's (access declarations, error codes), with the
 * authentication hook stubbed — the `x-test-role` header (and `x-test-scope`, comma-separated
 * categories) is the principal. `register` adds the slice's routes.
 */
export async function stubPrincipalApp(
  register: (app: FastifyInstance) => void,
): Promise<FastifyInstance> {
  // As buildApp: an unknown field is refused, never silently dropped.
  const app = Fastify({
    ajv: { customOptions: { keywords: ['errorMessage'], removeAdditional: false } },
  });
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
    const e = error as {
      statusCode?: number;
      validation?: Parameters<typeof validationProblem>[0];
      validationContext?: string;
      message: string;
    };
    if (e.validation !== undefined) {
      // As buildApp: the field named.
      const problem = validationProblem(e.validation, e.validationContext);
      return reply.status(400).send({
        error: { code: 'request.invalid', message: problem.message, field: problem.field },
      });
    }
    const status = e.statusCode ?? 500;
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
