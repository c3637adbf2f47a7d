import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requirePermission, type TypeBoxTypeProvider } from '../security/index.ts';
import type { AnonymizeDeps } from './anonymize-deps.ts';
import { downloadDataset } from './download-dataset.ts';
import { datasetNotices, provideDataset } from './provide-dataset.ts';
import { publishDataset } from './publish-dataset.ts';
import { listDatasets, readDataset } from './read-dataset.ts';
import { startDatasetJob } from './start-dataset-job.ts';

const TAGS = ['anonymize'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** SECURITY.5: the approval by a second person a download of personal data is made on. */
const ApprovalQuery = Type.Object(
  { approvalId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
  { additionalProperties: false },
);

const CreateBody = Type.Object(
  {
    definition: Type.String({
      minLength: 1,
      maxLength: 200_000,
      description: 'The data-set definition, YAML or JSON (docs/architecture.md, anonymize).',
    }),
    file: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    files: Type.Optional(
      Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 5_000_000 }), {
        description: 'Hierarchy files the definition names (ARX CSV layout), by name.',
      }),
    ),
  },
  { additionalProperties: false },
);

const PublishBody = Type.Object(
  {
    method: Type.Object(
      {
        en: Type.String({ minLength: 1, maxLength: 2000 }),
        ja: Type.String({ minLength: 1, maxLength: 2000 }),
      },
      { additionalProperties: false, description: 'The method of provision, in both languages.' },
    ),
  },
  { additionalProperties: false },
);

const ProvideBody = Type.Object(
  { recipientId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/**
 * Anonymously processed information over HTTP (§7 ANONYMIZED): start a job from a registry
 * query, watch it, download the data set (audited), publish its items and method (privacy
 * officer), provide it to a recipient (recorded, with the recipient's notice). No route reads
 * both a data set and the registry: the job reads the registry once, and nothing joins back.
 */
export function registerAnonymizeRoutes(fastify: FastifyInstance, deps: AnonymizeDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/anonymized-datasets',
    {
      config: { access: { permission: 'anonymize.create' } },
      schema: {
        tags: TAGS,
        summary: 'Start a data-set job over a registry query; answers at once with its id.',
        body: CreateBody,
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, 'anonymize.create');
      const job = await startDatasetJob(deps, principal, request.body);
      job.finished.catch((e: unknown) => request.log.error({ err: e }, 'data-set job failed'));
      return reply.code(202).send(await readDataset(deps, principal, job.id));
    },
  );
  app.get(
    '/v1/anonymized-datasets',
    {
      config: { access: { permission: 'anonymize.read' } },
      schema: { tags: TAGS, summary: 'Data sets and their jobs, newest first.' },
    },
    async (request) => {
      const principal = requirePermission(request, 'anonymize.read');
      return { datasets: await listDatasets(deps, principal) };
    },
  );
  app.get(
    '/v1/anonymized-datasets/:id',
    {
      config: { access: { permission: 'anonymize.read' } },
      schema: {
        tags: TAGS,
        summary: "A data set: its job's state and progress, the report, the publication.",
        params: IdParams,
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'anonymize.read');
      return readDataset(deps, principal, (request.params as Static<typeof IdParams>).id);
    },
  );
  app.get(
    '/v1/anonymized-datasets/:id/download',
    {
      config: { access: { permission: 'anonymize.create' } },
      schema: {
        tags: TAGS,
        summary:
          'The data set as CSV (audited), on an approval by a second person (SECURITY.5); the approval id is in the hogo-approval-id header.',
        params: IdParams,
        querystring: ApprovalQuery,
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, 'anonymize.create');
      const { id } = request.params as Static<typeof IdParams>;
      const { approvalId } = request.query as Static<typeof ApprovalQuery>;
      const { csv, approvalId: approved } = await downloadDataset(deps, principal, id, approvalId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('hogo-approval-id', approved)
        .header('content-disposition', `attachment; filename="anonymized-${id}.csv"`)
        .send(csv);
    },
  );
  app.post(
    '/v1/anonymized-datasets/:id/publish',
    {
      config: { access: { permission: 'anonymize.publish' } },
      schema: {
        tags: TAGS,
        summary:
          'Publish the items and the method of provision (APPI Art. 43(3); privacy officer).',
        params: IdParams,
        body: PublishBody,
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'anonymize.publish');
      const { id } = request.params as Static<typeof IdParams>;
      return publishDataset(deps, principal, id, request.body);
    },
  );
  app.post(
    '/v1/anonymized-datasets/:id/provisions',
    {
      config: { access: { permission: 'anonymize.publish' } },
      schema: {
        tags: TAGS,
        summary:
          'Provide a published data set to a recipient (APPI Art. 44): recorded, notice stored.',
        params: IdParams,
        body: ProvideBody,
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, 'anonymize.publish');
      const { id } = request.params as Static<typeof IdParams>;
      const made = await provideDataset(deps, principal, id, request.body);
      return reply.code(201).send(made);
    },
  );
  app.get(
    '/v1/anonymized-datasets/:id/notices',
    {
      config: { access: { permission: 'anonymize.read' } },
      schema: {
        tags: TAGS,
        summary: 'The notices sent to recipients of the data set.',
        params: IdParams,
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'anonymize.read');
      const { id } = request.params as Static<typeof IdParams>;
      const rows = await datasetNotices(deps, principal, id);
      return {
        notices: rows.map((n) => ({
          id: n.id,
          provisionId: n.provision_id,
          recipient: { id: n.recipient_id, name: n.recipient_name },
          createdAt: new Date(Number(n.created_at)).toISOString(),
          en: { subject: n.subject_en, body: n.body_en },
          ja: { subject: n.subject_ja, body: n.body_ja },
        })),
      };
    },
  );
}
