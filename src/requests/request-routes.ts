import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestDeps } from './request-deps.ts';
import { requirePermission, type Permission, type TypeBoxTypeProvider } from '../security/index.ts';
import { cancelRequest } from './cancel-request.ts';
import { fileRequest } from './file-request.ts';
import { fulfilRequest } from './fulfil-request.ts';
import { listRequests } from './list-requests.ts';
import { markNotified } from './mark-notified.ts';
import { PackageQuery } from './public-request-routes.ts';

/** A staff download also names the approval by a second person it is made on (SECURITY.5). */
const StaffPackageQuery = Type.Object(
  {
    ...PackageQuery.properties,
    approvalId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
import { requestPackage } from './request-package.ts';
import { sendPackage } from './send-package.ts';
import { recordPayment } from './record-payment.ts';
import { refuseRequest } from './refuse-request.ts';
import { requestCustomer } from './request-customer.ts';
import { requestDetail } from './request-detail.ts';
import { requestView } from './request-view.ts';
import { FileRequestInput, FulfilInput, RefusalInput, VerifyInput } from './request-input.ts';
import { REQUEST_STATES, type RequestState } from './request-state.ts';
import { startFulfilment } from './start-fulfilment.ts';
import { verifyIdentity } from './verify-identity.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ListQuery = Type.Object(
  {
    state: Type.Optional(Type.Union(REQUEST_STATES.map((s) => Type.Literal(s)))),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    due: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('soon')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
const PaymentBody = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, description: 'Yen received; must equal the fee due.' }),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
const RefuseBody = Type.Object({ refusal: RefusalInput }, { additionalProperties: false });
/** A step that takes nothing: an empty object or no body at all; any field is refused. */
const NoBody = Type.Object({}, { additionalProperties: false });
const CancelBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

/** Route options: declared access (SECURITY.6) and schemas for validation and OpenAPI. */
function route<S extends Record<string, TSchema>>(
  permission: Permission,
  summary: string,
  schema: S,
) {
  return {
    config: { access: { permission } },
    bodyLimit: 256 * 1024,
    schema: { tags: ['requests'], summary, ...schema },
  };
}

type WithId<B = unknown> = FastifyRequest<{ Params: { id: string }; Body: B }>;

/**
 * Customers' requests over HTTP (§9): file, list, read, and each step of the state machine.
 * Handlers parse, call the use case with the principal and answer; rules live in the use cases.
 * A step answers with the request as listed (free texts sealed; `GET /v1/requests/:id` opens
 * them for whom may read them).
 */
export function registerRequestRoutes(fastify: FastifyInstance, ctx: RequestDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/requests',
    route('requests.file', 'File a customer’s request.', { body: FileRequestInput }),
    async (request, reply) => {
      const principal = requirePermission(request, 'requests.file');
      const filed = await fileRequest(ctx, principal, request.body);
      return reply.status(201).send(requestView(filed));
    },
  );

  app.get(
    '/v1/requests',
    route('requests.read', 'List requests, earliest due first (REQUEST.TIMELY).', {
      querystring: ListQuery,
    }),
    async (request) => {
      const principal = requirePermission(request, 'requests.read');
      const q = request.query as {
        state?: RequestState;
        kind?: string;
        due?: 'overdue' | 'soon';
        limit?: number;
      };
      return { requests: await listRequests(ctx, principal, q) };
    },
  );

  app.get(
    '/v1/requests/:id',
    route('requests.read', 'A request with its due status and history.', { params: IdParams }),
    async (request) => {
      const principal = requirePermission(request, 'requests.read');
      return requestDetail(ctx, principal, { requestId: (request as WithId).params.id });
    },
  );

  app.get(
    '/v1/requests/:id/customer',
    route(
      'requests.manage',
      'The customer of a request in progress, read for that request (its legal basis, audited).',
      { params: IdParams },
    ),
    async (request) => {
      const principal = requirePermission(request, 'requests.manage');
      return requestCustomer(ctx, principal, { requestId: (request as WithId).params.id });
    },
  );

  app.get(
    '/v1/requests/:id/package',
    route(
      'registry.readValues',
      'Download a fulfilled disclosure’s package (JSON or HTML) on an approval by a second person (SECURITY.5); the approval id is in the hogo-approval-id header.',
      { params: IdParams, querystring: StaffPackageQuery },
    ),
    async (request, reply) => {
      const r = request as FastifyRequest<{
        Params: { id: string };
        Querystring: { format?: 'json' | 'html'; approvalId?: string };
      }>;
      const principal = requirePermission(request, 'requests.read');
      const found = await requestPackage(ctx, principal, {
        requestId: r.params.id,
        approvalId: r.query.approvalId,
      });
      if (found.approvalId !== null) reply.header('hogo-approval-id', found.approvalId);
      return sendPackage(reply, ctx.policy, found, r.query.format ?? 'json');
    },
  );

  /** One step of the state machine: POST /v1/requests/:id/<step>. */
  const step = <B>(
    name: string,
    summary: string,
    body: TSchema | null,
    run: (requestId: string, body: B, r: FastifyRequest) => Promise<unknown>,
  ) =>
    app.post(
      `/v1/requests/:id/${name}`,
      {
        // Every step's body is strict: an unknown field is refused (400 naming it), never
        // ignored; a step sent without a body is read as `{}` and checked like one.
        ...route('requests.manage', summary, { params: IdParams, body: body ?? NoBody }),
        preValidation: async (request: FastifyRequest) => {
          request.body ??= {};
        },
      },
      async (request) => {
        const r = request as WithId<B>;
        return run(r.params.id, (r.body ?? {}) as B, request);
      },
    );
  const principalOf = (r: FastifyRequest) => requirePermission(r, 'requests.manage');

  step<VerifyInput>(
    'verify',
    'Record the identity check; charged kinds then owe the fee.',
    VerifyInput,
    async (id, b, r) =>
      requestView(await verifyIdentity(ctx, principalOf(r), { requestId: id, ...b })),
  );
  step<{ amount: number; reference?: string }>(
    'payment',
    'Record the fee paid (REQUEST.FEE).',
    PaymentBody,
    async (id, b, r) =>
      requestView(await recordPayment(ctx, principalOf(r), { requestId: id, ...b })),
  );
  step('start', 'Start work (a charged request only once paid).', null, async (id, _b, r) =>
    requestView(await startFulfilment(ctx, principalOf(r), { requestId: id })),
  );
  step<FulfilInput>(
    'fulfil',
    'Fulfil, wholly or partly; a disclosure answers with its package.',
    FulfilInput,
    async (id, b, r) => {
      const result = await fulfilRequest(ctx, principalOf(r), { requestId: id, ...b });
      return { ...result, request: requestView(result.request) };
    },
  );
  step<{ refusal: RefusalInput }>(
    'refuse',
    'Refuse on a ground of the law (APPI Art. 33–36).',
    RefuseBody,
    async (id, b, r) =>
      requestView(await refuseRequest(ctx, principalOf(r), { requestId: id, refusal: b.refusal })),
  );
  step(
    'notify',
    'Record that the customer was told the outcome (APPI Art. 36).',
    null,
    async (id, _b, r) => requestView(await markNotified(ctx, principalOf(r), { requestId: id })),
  );
  step<{ reason: string }>(
    'cancel',
    'Cancel a request that has no outcome yet.',
    CancelBody,
    async (id, b, r) =>
      requestView(await cancelRequest(ctx, principalOf(r), { requestId: id, reason: b.reason })),
  );
}
