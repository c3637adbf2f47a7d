import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '../auth/typebox-type-provider.ts';
import { checkGrantableScope } from '../users/check-grantable-scope.ts';
import { requirePermission } from '../auth/require-permission.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { createApiToken } from '../tokens/create-api-token.ts';
import { listApiTokens } from '../tokens/list-api-tokens.ts';
import { revokeApiToken } from '../tokens/revoke-api-token.ts';
import { ErrorSchema, RoleSchema, ScopeListSchema, ScopeSchema } from './security-schemas.ts';

const NewTokenBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 100 }),
    role: RoleSchema,
    categories: Type.Optional(ScopeListSchema),
    purposes: Type.Optional(ScopeListSchema),
    groups: Type.Optional(ScopeListSchema),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);

/** API tokens for other systems (SECURITY.6). */
export function registerTokenRoutes(fastify: FastifyInstance, deps: SecurityDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const manage = { access: { permission: 'users.manage' } } as const;

  app.post(
    '/v1/tokens',
    {
      config: manage,
      schema: {
        summary: 'Issue an API token for a system; the secret is in this answer only.',
        tags: ['security'],
        body: NewTokenBody,
        response: {
          201: Type.Object({
            token: Type.Object({
              id: Type.String(),
              label: Type.String(),
              role: RoleSchema,
              expiresAt: Type.Union([Type.Integer(), Type.Null()]),
            }),
            secret: Type.String(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'users.manage');
      const body = request.body;
      checkGrantableScope(actor, body);
      const created = await createApiToken(deps, body, actor.id);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/v1/tokens/:id',
    {
      config: manage,
      schema: {
        summary: 'Revoke an API token at once.',
        tags: ['security'],
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 204: Type.Null(), 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'users.manage');
      await revokeApiToken(deps, (request.params as { id: string }).id, actor.id, actor);
      return reply.status(204).send();
    },
  );

  app.get(
    '/v1/tokens',
    {
      config: manage,
      schema: {
        summary: 'API tokens, newest first (never their secrets), to find one to revoke.',
        tags: ['security'],
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              label: Type.String(),
              role: RoleSchema,
              scope: ScopeSchema,
              createdBy: Type.String(),
              createdAt: Type.Integer(),
              expiresAt: Type.Union([Type.Integer(), Type.Null()]),
              revokedAt: Type.Union([Type.Integer(), Type.Null()]),
            }),
          ),
        },
      },
    },
    async () => listApiTokens(deps),
  );
}
