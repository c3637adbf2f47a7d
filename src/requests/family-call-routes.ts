import type { FastifyInstance } from 'fastify';
import type { RequestDeps } from './request-deps.ts';
import { requirePermission, type TypeBoxTypeProvider } from '../security/index.ts';
import { answerFamilyCall } from './answer-family-call.ts';
import { FamilyCallInput } from './family-call-input.ts';

/** PROVIDE.FAMILY over HTTP: the operator checks a family caller and gets what may be told. */
export function registerFamilyCallRoutes(fastify: FastifyInstance, ctx: RequestDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/family-calls',
    {
      config: { access: { permission: 'provision.family' } },
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['provision'],
        summary: 'Answer a family caller: name and address must match; recorded as a provision.',
        body: FamilyCallInput,
      },
    },
    async (request) =>
      answerFamilyCall(ctx, requirePermission(request, 'provision.family'), request.body),
  );
}
