import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type Permission,
  type Principal,
  requirePermission,
  type TypeBoxTypeProvider,
} from '../security/index.ts';
import { approveExport } from './approve-export.ts';
import { countryRegister, type CountryRecipient } from './country-register.ts';
import { EXPORT_KINDS } from './export-kind.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { registerInspectionRoutes } from './inspection-routes.ts';
import { listExportApprovals } from './list-export-approvals.ts';
import { recordTraining } from './record-training.ts';
import { trainingOverview } from './training-overview.ts';
import { requestExportApproval } from './request-export-approval.ts';

/** What the governance routes read from other slices, composed by the app. */
export interface GovernanceRouteDeps extends GovernanceDeps {
  /** The recipients and their countries (the provision slice's), for the register. */
  readonly recipients: (principal: Principal) => Promise<readonly CountryRecipient[]>;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const ApprovalRequestBody = Type.Object(
  {
    kind: Type.Union(
      EXPORT_KINDS.map((k) => Type.Literal(k)),
      { description: 'The take-out: an ad export, a disclosure package, a CSV of values, …' },
    ),
    subject: Type.String({
      pattern: '^[A-Za-z0-9._:-]{1,64}$',
      description: 'What is taken out: the platform of an ad export, the request of a package.',
    }),
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Why (ids and purposes only, never a customer’s value).',
    }),
  },
  { additionalProperties: false },
);

/** Route options: declared access (SECURITY.6) and schemas. */
function route<S extends { body?: TSchema; params?: TSchema; querystring?: TSchema }>(
  permission: Permission,
  summary: string,
  schema: S,
) {
  return {
    config: { access: { permission } },
    bodyLimit: 16 * 1024,
    schema: { tags: ['governance'], summary, ...schema },
  };
}

/** §4 organisational measures over HTTP: export approvals (SECURITY.5), the country register (SECURITY.7). */
export function registerGovernanceRoutes(fastify: FastifyInstance, ctx: GovernanceRouteDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  registerInspectionRoutes(app, ctx);
  app.get(
    '/v1/export-approvals',
    route('self', 'Export approvals, newest first; ?state=requested is the queue (SECURITY.5).', {
      querystring: Type.Object(
        {
          state: Type.Optional(
            Type.Union([Type.Literal('requested'), Type.Literal('approved'), Type.Literal('used')]),
          ),
        },
        { additionalProperties: false },
      ),
    }),
    async (request) => ({
      approvals: await listExportApprovals(ctx, requirePermission(request, 'self'), request.query),
    }),
  );
  app.post(
    '/v1/export-approvals',
    // The use case asks for the take-out's own permission ('provision.export' for an ad export).
    route('self', 'Ask a second person to approve a bulk take-out (SECURITY.5).', {
      body: ApprovalRequestBody,
    }),
    async (request, reply) => {
      const body = request.body;
      const asked = await requestExportApproval(ctx, requirePermission(request, 'self'), body);
      return reply.status(201).send(asked);
    },
  );
  app.post(
    '/v1/export-approvals/:id/approve',
    route('exports.approve', 'Approve another person’s take-out (four eyes, SECURITY.5).', {
      params: IdParams,
    }),
    async (request: FastifyRequest<{ Params: { id: string } }>) =>
      approveExport(ctx, requirePermission(request, 'exports.approve'), request.params.id),
  );
  app.get(
    '/v1/training',
    route('users.manage', 'The training courses and each staff user’s status (SECURITY.4).', {}),
    async (request) => trainingOverview(ctx, requirePermission(request, 'users.manage')),
  );
  app.post(
    '/v1/training/completions',
    route('users.manage', 'Record that a staff user completed a course on a day (SECURITY.4).', {
      body: Type.Object(
        {
          userId: Type.String({ minLength: 1, maxLength: 64 }),
          courseId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }),
          completedOn: Type.String({
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            description: 'YYYY-MM-DD, Japan',
          }),
        },
        { additionalProperties: false },
      ),
    }),
    async (request, reply) => {
      const recorded = await recordTraining(
        ctx,
        requirePermission(request, 'users.manage'),
        request.body,
      );
      return reply.status(201).send(recorded);
    },
  );
  app.get(
    '/v1/countries',
    route(
      'provision.read',
      'The foreign-country register with its recipients and overdue reviews (SECURITY.7, APPI Art. 28).',
      {},
    ),
    async (request) => {
      const principal = requirePermission(request, 'provision.read');
      return countryRegister(ctx.policy, ctx.clock(), await ctx.recipients(principal));
    },
  );
}
