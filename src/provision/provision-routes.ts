import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ProvisionDeps } from './provision-deps.ts';
import { requirePermission, type Permission, type TypeBoxTypeProvider } from '../security/index.ts';
import { AD_PLATFORM_IDS } from './ads/ad-platform-id.ts';
import { adsSettings, type AdsSettings } from './ads-settings.ts';
import { approveLegalProvision } from './approve-legal-provision.ts';
import { requestLegalProvision } from './request-legal-provision.ts';
import { createJointUse } from './create-joint-use.ts';
import { createRecipient } from './create-recipient.ts';
import { defaultExportPath } from './default-export-path.ts';
import { deleteRecipient } from './delete-recipient.ts';
import { exportAudience } from './export-audience.ts';
import { JointUseInput } from './joint-use-input.ts';
import { listAdExports, MAX_AD_EXPORT_PAGE, type AdExportQuery } from './list-ad-exports.ts';
import { listJointUses } from './list-joint-uses.ts';
import { listRecipients } from './list-recipients.ts';
import { ProvideInput } from './provide-input.ts';
import { provide } from './provide.ts';
import { provisionRecordsFor } from './provision-records-for.ts';
import { readAdExport } from './read-ad-export.ts';
import { readRecipient } from './read-recipient.ts';
import { recordDiligence } from './record-diligence.ts';
import {
  MAX_LEDGER_PAGE,
  searchProvisionRecords,
  type ProvisionRecordQuery,
} from './search-provision-records.ts';
import { DiligenceInput, RecipientInput, RecipientUpdateInput } from './recipient-input.ts';
import { updateRecipient } from './update-recipient.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const PROVIDE_BODY_LIMIT = 2 * 1024 * 1024;
const RECORD_BODY_LIMIT = 64 * 1024;

/** POST /v1/ads/exports: the platform and, optionally, the purpose pair. */
const AdExportInput = Type.Object(
  {
    platform: Type.Union(AD_PLATFORM_IDS.map((p) => Type.Literal(p))),
    purpose: Type.Optional(
      Type.String({ maxLength: 200, description: 'PURPOSE.REG.5 (default) or PURPOSE.REG.7.' }),
    ),
    approvalId: Type.Optional(
      Type.String({
        maxLength: 64,
        description:
          'SECURITY.5: the approval by a second person; without one the export is refused.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Route options: declared access (SECURITY.6), body limit, schemas for validation and OpenAPI. */
function route<S extends { body?: TSchema; params?: TSchema; querystring?: TSchema }>(
  permission: Permission,
  summary: string,
  schema: S,
  bodyLimit = RECORD_BODY_LIMIT,
) {
  return {
    config: { access: { permission } },
    bodyLimit,
    schema: { tags: ['provision'], summary, ...schema },
  };
}

/**
 * Provision to third parties over HTTP (§5, §8): recipients with their diligence, provisions,
 * the ledger by customer, ad exports and their receipts. Handlers parse, call the use case
 * with the request's principal, and answer; every rule lives in the use cases.
 */
export function registerProvisionRoutes(
  fastify: FastifyInstance,
  ctx: ProvisionDeps,
  settings: AdsSettings = adsSettings(process.env),
): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/v1/recipients',
    route('provision.read', 'List recipients with diligence.', {}),
    async (request) => listRecipients(ctx, requirePermission(request, 'provision.read')),
  );
  app.post(
    '/v1/recipients',
    route('provision.manage', 'Register a recipient (APPI Art. 28–29 particulars).', {
      body: RecipientInput,
    }),
    async (request, reply) => {
      const principal = requirePermission(request, 'provision.manage');
      return reply.status(201).send(await createRecipient(ctx, principal, request.body));
    },
  );
  app.get(
    '/v1/recipients/:id',
    route('provision.read', 'A recipient with its diligence history.', { params: IdParams }),
    async (request) =>
      readRecipient(ctx, requirePermission(request, 'provision.read'), request.params.id),
  );
  app.patch(
    '/v1/recipients/:id',
    route('provision.manage', 'Change a recipient’s particulars.', {
      params: IdParams,
      body: RecipientUpdateInput,
    }),
    async (request) =>
      updateRecipient(ctx, requirePermission(request, 'provision.manage'), {
        recipientId: request.params.id,
        changes: request.body,
      }),
  );
  app.delete(
    '/v1/recipients/:id',
    route('provision.manage', 'Delete a recipient the ledger never names.', { params: IdParams }),
    async (request, reply) => {
      await deleteRecipient(ctx, requirePermission(request, 'provision.manage'), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/v1/recipients/:id/diligence',
    route('provision.manage', 'Record a verification (PROVIDE.DUE_DILIGENCE).', {
      params: IdParams,
      body: DiligenceInput,
    }),
    async (request, reply) => {
      const principal = requirePermission(request, 'provision.manage');
      const view = await recordDiligence(ctx, principal, {
        recipientId: request.params.id,
        diligence: request.body,
      });
      return reply.status(201).send(view);
    },
  );
  app.post(
    '/v1/provisions',
    route(
      'provision.provide',
      'Provide customers’ items to a third party (§5).',
      { body: ProvideInput },
      PROVIDE_BODY_LIMIT,
    ),
    async (request) => provide(ctx, requirePermission(request, 'provision.provide'), request.body),
  );
  app.post(
    '/v1/legal-provisions',
    route(
      'provision.provide',
      'Ask for a provision required by law (PROVIDE.AUTHORITY); made when another approves.',
      { body: ProvideInput },
      PROVIDE_BODY_LIMIT,
    ),
    async (request, reply) => {
      const principal = requirePermission(request, 'provision.provide');
      return reply.status(202).send(await requestLegalProvision(ctx, principal, request.body));
    },
  );
  app.post(
    '/v1/legal-provisions/:id/approve',
    route('provision.provide', 'Approve a provision required by law (four eyes) and make it.', {
      params: IdParams,
      body: Type.Object({ values: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    }),
    async (request) =>
      approveLegalProvision(ctx, requirePermission(request, 'provision.provide'), {
        id: request.params.id,
        ...request.body,
      }),
  );
  app.get(
    '/v1/customers/:id/provisions',
    route('provision.read', 'The provision records of a customer (REQUEST.PROVISION_RECORDS).', {
      params: IdParams,
    }),
    async (request) =>
      provisionRecordsFor(ctx, requirePermission(request, 'provision.read'), request.params.id),
  );
  app.get(
    '/v1/provisions',
    route('provision.read', 'Search the provision ledger, newest first, a page at a time.', {
      querystring: Type.Object(
        {
          customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          recipientId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LEDGER_PAGE })),
          cursor: Type.Optional(
            Type.String({ maxLength: 100, description: 'The nextCursor of the page before.' }),
          ),
        },
        { additionalProperties: false },
      ),
    }),
    async (request) =>
      searchProvisionRecords(
        ctx,
        requirePermission(request, 'provision.read'),
        request.query as ProvisionRecordQuery,
      ),
  );
  app.post(
    '/v1/joint-uses',
    route('provision.manage', 'Enter a joint use in the register (§6 JOINT_USE).', {
      body: JointUseInput,
    }),
    async (request, reply) => {
      const principal = requirePermission(request, 'provision.manage');
      return reply.status(201).send(await createJointUse(ctx, principal, request.body));
    },
  );
  app.get(
    '/v1/joint-uses',
    route('provision.read', 'The joint-use register (§6 JOINT_USE).', {}),
    async (request) => {
      requirePermission(request, 'provision.read');
      return listJointUses(ctx);
    },
  );
  app.get(
    '/v1/public/joint-uses',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['provision'],
        summary: 'The joint-use register as the policy publishes it (§6 JOINT_USE).',
      },
    },
    async () => listJointUses(ctx),
  );
  app.post(
    '/v1/ads/exports',
    route('provision.export', 'Export a hashed audience to an ad platform (§8 ADS).', {
      body: AdExportInput,
    }),
    async (request, reply) => {
      const principal = requirePermission(request, 'provision.export');
      const body = request.body;
      const receipt = await exportAudience(ctx, principal, {
        platform: body.platform,
        out: defaultExportPath(settings.exportDir, body.platform, ctx.clock()),
        deleteAfterDays: settings.deleteAfterDays,
        ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
        ...(body.approvalId !== undefined ? { approvalId: body.approvalId } : {}),
      });
      return reply.status(201).send(receipt);
    },
  );
  app.get(
    '/v1/ads/exports',
    route('provision.read', 'The receipts of ad exports, newest first, a page at a time.', {
      querystring: Type.Object(
        {
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AD_EXPORT_PAGE })),
          cursor: Type.Optional(
            Type.String({ maxLength: 100, description: 'The nextCursor of the page before.' }),
          ),
        },
        { additionalProperties: false },
      ),
    }),
    async (request) =>
      listAdExports(
        ctx,
        requirePermission(request, 'provision.read'),
        request.query as AdExportQuery,
      ),
  );
  app.get(
    '/v1/ads/exports/:id',
    route('provision.read', 'The receipt of an ad export (counts and ids only).', {
      params: IdParams,
    }),
    async (request) =>
      readAdExport(ctx, requirePermission(request, 'provision.read'), request.params.id),
  );
}
