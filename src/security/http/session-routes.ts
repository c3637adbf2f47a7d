import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '../auth/typebox-type-provider.ts';
import { HogoError } from '../../errors/index.ts';
import { bearerToken } from '../auth/bearer-token.ts';
import { requirePermission } from '../auth/require-permission.ts';
import { ROLE_PERMISSIONS } from '../principal.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { endSession } from '../sessions/end-session.ts';
import { openSession } from '../sessions/open-session.ts';
import { scopeToJson } from '../users/scope-codec.ts';
import { ErrorSchema, RoleSchema, ScopeSchema, UserSchema } from './security-schemas.ts';

/** Sign in, sign out, and who am I. */
export function registerSessionRoutes(fastify: FastifyInstance, deps: SecurityDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/session',
    {
      config: { access: { public: true } },
      schema: {
        summary: 'Sign in: name and password for a bearer session token (12 hours).',
        tags: ['security'],
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String(), expiresAt: Type.Integer(), user: UserSchema }),
          401: ErrorSchema,
          429: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { name, password } = request.body;
      return openSession(deps, name, password, { ip: request.ip });
    },
  );

  app.delete(
    '/v1/session',
    {
      config: { access: { permission: 'self' } },
      schema: {
        summary: 'Sign out: ends the session of the bearer token.',
        tags: ['security'],
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, 'self');
      const token = bearerToken(request);
      if (token === undefined) throw new HogoError('session.invalid', 'no bearer token');
      await endSession(deps, token, principal.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/v1/me',
    {
      config: { access: { permission: 'self' } },
      schema: {
        summary: 'Who the bearer is: role, permissions and scope.',
        tags: ['security'],
        response: {
          200: Type.Object({
            id: Type.String(),
            kind: Type.Union([Type.Literal('user'), Type.Literal('token')]),
            name: Type.String(),
            role: RoleSchema,
            permissions: Type.Array(Type.String()),
            scope: ScopeSchema,
          }),
        },
      },
    },
    async (request) => {
      const p = requirePermission(request, 'self');
      return {
        id: p.id,
        kind: p.kind,
        name: p.name,
        role: p.role,
        // A gate's withheld permissions (SECURITY.4) are not the bearer's now.
        permissions: [...ROLE_PERMISSIONS[p.role]].filter((x) => !p.withheld?.has(x)).sort(),
        scope: scopeToJson(p.scope),
      };
    },
  );
}
