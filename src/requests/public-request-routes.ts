import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import {
  requirePermission,
  endRequesterToken,
  type TypeBoxTypeProvider,
} from '../security/index.ts';
import { confirmVerification } from './confirm-verification.ts';
import { fileOwnRequest } from './file-own-request.ts';
import { listOwnRequests } from './list-own-requests.ts';
import { ownRequestDetail } from './own-request-detail.ts';
import { requestPackage } from './request-package.ts';
import { PublicFileRequestInput } from './request-input.ts';
import { requestView } from './request-view.ts';
import { sendPackage } from './send-package.ts';
import { ConfirmVerificationInput, StartVerificationInput } from './verification-input.ts';
import { startVerification } from './start-verification.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
/** Shared with the staff route: which download. */
export const PackageQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('html')])) },
  { additionalProperties: false },
);

type WithId = FastifyRequest<{ Params: { id: string }; Querystring: { format?: 'json' | 'html' } }>;

const publicRoute = <S extends Record<string, TSchema>>(summary: string, schema: S) => ({
  config: { access: { public: true } as const },
  bodyLimit: 8 * 1024,
  schema: { tags: ['privacy center'], summary, ...schema },
});
const ownRoute = <S extends Record<string, TSchema>>(summary: string, schema: S) => ({
  config: { access: { permission: 'requests.own' } },
  bodyLimit: 64 * 1024,
  schema: { tags: ['privacy center'], summary, ...schema },
});

/**
 * The privacy center's API (REQUEST.WEB): a one-time code proves who the customer is, then a
 * requester token files and follows their own requests and downloads their packages.
 */
export function registerPublicRequestRoutes(fastify: FastifyInstance, ctx: RequestDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/public/verifications',
    publicRoute('Send a one-time code to an e-mail address or phone on file.', {
      body: StartVerificationInput,
    }),
    async (request, reply) => {
      try {
        const body = request.body;
        return reply.status(202).send(await startVerification(ctx, body, { ip: request.ip }));
      } catch (e) {
        // RFC 9110 §10.2.3: when to ask again, in seconds.
        const retryAfter = e instanceof HogoError ? e.details?.retryAfter : undefined;
        if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
        throw e;
      }
    },
  );
  app.post(
    '/v1/public/verifications/:id/confirm',
    publicRoute('Exchange the code for a requester token (30 minutes).', {
      params: IdParams,
      body: ConfirmVerificationInput,
    }),
    async (request, reply) => {
      const r = request as FastifyRequest<{ Params: { id: string }; Body: { code: string } }>;
      try {
        return await confirmVerification(
          ctx,
          { verificationId: r.params.id, code: r.body.code },
          { ip: request.ip },
        );
      } catch (e) {
        const retryAfter = e instanceof HogoError ? e.details?.retryAfter : undefined;
        if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
        throw e;
      }
    },
  );
  app.post(
    '/v1/public/requests',
    ownRoute('File a request of one’s own (identity verified by the code).', {
      body: PublicFileRequestInput,
    }),
    async (request, reply) => {
      const principal = requirePermission(request, 'requests.own');
      try {
        const filed = await fileOwnRequest(ctx, principal, request.body);
        return reply.status(201).send(requestView(filed));
      } catch (e) {
        // RFC 9110 §10.2.3: when the customer may file again, in seconds.
        const retryAfter = e instanceof HogoError ? e.details?.retryAfter : undefined;
        if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
        throw e;
      }
    },
  );
  app.delete(
    '/v1/public/session',
    ownRoute('Sign out: the requester token is refused from now on.', {}),
    async (request, reply) => {
      await endRequesterToken(ctx, requirePermission(request, 'requests.own'));
      return reply.status(204).send();
    },
  );
  app.get(
    '/v1/public/requests',
    ownRoute('One’s own requests, newest first.', {}),
    async (request) => ({
      requests: await listOwnRequests(ctx, requirePermission(request, 'requests.own')),
    }),
  );
  app.get(
    '/v1/public/requests/:id',
    ownRoute('One of one’s own requests, with the history of its states.', { params: IdParams }),
    async (request) =>
      ownRequestDetail(ctx, requirePermission(request, 'requests.own'), {
        requestId: (request as WithId).params.id,
      }),
  );
  app.get(
    '/v1/public/requests/:id/package',
    ownRoute('Download the package of a fulfilled disclosure (JSON or HTML).', {
      params: IdParams,
      querystring: PackageQuery,
    }),
    async (request, reply) => {
      const r = request as WithId;
      const found = await requestPackage(ctx, requirePermission(request, 'requests.own'), {
        requestId: r.params.id,
      });
      return sendPackage(reply, ctx.policy, found, r.query.format ?? 'json');
    },
  );
}
