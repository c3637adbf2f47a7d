import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '../auth/typebox-type-provider.ts';
import { checkGrantableScope } from '../users/check-grantable-scope.ts';
import { requirePermission } from '../auth/require-permission.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { createUser } from '../users/create-user.ts';
import { listUsers } from '../users/list-users.ts';
import { setUserDisabled } from '../users/set-user-disabled.ts';
import { ErrorSchema, RoleSchema, ScopeListSchema, UserSchema } from './security-schemas.ts';

const NewUserBody = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z][a-z0-9._-]{0,63}$' }),
    role: RoleSchema,
    categories: Type.Optional(ScopeListSchema),
    purposes: Type.Optional(ScopeListSchema),
    groups: Type.Optional(ScopeListSchema),
  },
  { additionalProperties: false },
);

/** Staff users (SECURITY.3: appointed persons with defined authority). */
export function registerUserRoutes(fastify: FastifyInstance, deps: SecurityDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const manage = { access: { permission: 'users.manage' } } as const;

  app.get(
    '/v1/users',
    {
      config: manage,
      schema: {
        summary: 'Staff users.',
        tags: ['security'],
        response: { 200: Type.Array(UserSchema) },
      },
    },
    async () => listUsers(deps),
  );

  app.post(
    '/v1/users',
    {
      config: manage,
      schema: {
        summary: 'Create a staff user; the generated password is in this answer only.',
        tags: ['security'],
        body: NewUserBody,
        response: {
          201: Type.Object({ user: UserSchema, password: Type.String() }),
          409: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'users.manage');
      const body = request.body;
      checkGrantableScope(actor, body);
      const created = await createUser(deps, body, actor.id);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/v1/users/:id',
    {
      config: manage,
      schema: {
        summary:
          'Disable a staff user (their sessions end at once, they cannot sign in) or enable them again.',
        tags: ['security'],
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        body: Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: UserSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'users.manage');
      return setUserDisabled(
        deps,
        {
          userId: (request.params as { id: string }).id,
          disabled: request.body.disabled,
        },
        actor.id,
        actor,
      );
    },
  );
}
