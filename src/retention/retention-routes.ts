import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Permission, requirePermission, type TypeBoxTypeProvider } from '../security/index.ts';
import { customerRetention } from './customer-retention.ts';
import { HoldInput } from './hold-input.ts';
import { listHolds } from './list-holds.ts';
import { placeHold } from './place-hold.ts';
import { purgeRetention } from './purge-retention.ts';
import { releaseHold } from './release-hold.ts';
import type { RetentionContext } from './retention-context.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const PurgeInput = Type.Object(
  { dryRun: Type.Optional(Type.Boolean({ description: 'Count only; erase nothing.' })) },
  { additionalProperties: false },
);

/** Route options: declared access (SECURITY.6) and schemas. */
function route<S extends { body?: TSchema; params?: TSchema }>(
  permission: Permission,
  summary: string,
  schema: S,
) {
  return {
    config: { access: { permission } },
    bodyLimit: 16 * 1024,
    schema: { tags: ['retention'], summary, ...schema },
  };
}

type WithId = FastifyRequest<{ Params: { id: string } }>;

/** Retention over HTTP: a customer's retention and holds, placing and releasing a hold, the purge. */
export function registerRetentionRoutes(fastify: FastifyInstance, ctx: RetentionContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/v1/customers/:id/retention',
    route('registry.read', 'What a deletion would erase and keep now, and why (RETAIN).', {
      params: IdParams,
    }),
    async (request: WithId) =>
      customerRetention(ctx, requirePermission(request, 'registry.read'), request.params.id),
  );
  app.get(
    '/v1/customers/:id/holds',
    route('registry.read', 'The legal holds placed on a customer (RETAIN.HOLD).', {
      params: IdParams,
    }),
    async (request: WithId) => ({
      holds: await listHolds(ctx, requirePermission(request, 'registry.read'), request.params.id),
    }),
  );
  app.post(
    '/v1/customers/:id/holds',
    route('registry.write', 'Place a legal hold: blocks erasure and purge (RETAIN.HOLD).', {
      params: IdParams,
      body: HoldInput,
    }),
    async (request, reply) => {
      const principal = requirePermission(request, 'registry.write');
      const { id } = request.params as { id: string };
      const hold = await placeHold(ctx, principal, {
        customerId: id,
        ...request.body,
      });
      return reply.status(201).send(hold);
    },
  );
  app.post(
    '/v1/holds/:id/release',
    route('registry.write', 'Release a legal hold (RETAIN.HOLD).', { params: IdParams }),
    async (request: WithId) =>
      releaseHold(ctx, requirePermission(request, 'registry.write'), request.params.id),
  );
  app.post(
    '/v1/retention/purge',
    route('registry.write', 'Erase customers whose purposes and duties have all ended (RETAIN).', {
      body: PurgeInput,
    }),
    async (request) =>
      purgeRetention(ctx, requirePermission(request, 'registry.write'), {
        dryRun: request.body?.dryRun === true,
      }),
  );
}
