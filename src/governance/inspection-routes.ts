import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Permission, requirePermission, type TypeBoxTypeProvider } from '../security/index.ts';
import { answerInspection } from './answer-inspection.ts';
import { closeFollowUp, closeInspection } from './close-inspection.ts';
import type { GovernanceDeps } from './governance-deps.ts';
import { inspectionSchedule } from './inspection-schedule.ts';
import { inspectionView } from './inspection-view.ts';
import { startInspection } from './start-inspection.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Text = Type.String({
  minLength: 1,
  maxLength: 1000,
  description: 'Staff’s words (never a customer’s value).',
});

const StartBody = Type.Object(
  { checklistId: Slug, department: Slug },
  { additionalProperties: false },
);

const AnswersBody = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        {
          questionId: Slug,
          result: Type.Union([Type.Literal('ok'), Type.Literal('finding'), Type.Literal('na')]),
          finding: Type.Optional(Text),
          followUps: Type.Optional(
            Type.Array(
              Type.Object(
                { action: Text, owner: Type.String({ minLength: 1, maxLength: 120 }), dueOn: Day },
                { additionalProperties: false },
              ),
              { maxItems: 20 },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
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
    bodyLimit: 64 * 1024,
    schema: { tags: ['governance'], summary, ...schema },
  };
}

type WithId = FastifyRequest<{ Params: { id: string } }>;

/** SECURITY.3 over HTTP: the inspection schedule, an inspection's answers and follow-ups. */
export function registerInspectionRoutes(fastify: FastifyInstance, ctx: GovernanceDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/v1/inspections',
    route(
      'audit.read',
      'Self-inspections due per checklist and department, overdue first (SECURITY.3).',
      {},
    ),
    async (request) => ({
      inspections: await inspectionSchedule(ctx, requirePermission(request, 'audit.read')),
    }),
  );
  app.post(
    '/v1/inspections',
    route('inspections.manage', 'Start a department’s inspection now due (SECURITY.3).', {
      body: StartBody,
    }),
    async (request, reply) => {
      const started = await startInspection(
        ctx,
        requirePermission(request, 'inspections.manage'),
        request.body,
      );
      return reply.status(201).send(started);
    },
  );
  app.get(
    '/v1/inspections/:id',
    route('audit.read', 'An inspection’s questions, answers and follow-ups (SECURITY.3).', {
      params: IdParams,
    }),
    async (request: WithId) =>
      inspectionView(ctx, requirePermission(request, 'audit.read'), request.params.id),
  );
  app.post(
    '/v1/inspections/:id/answers',
    route('inspections.manage', 'Answer questions, with findings and follow-ups (SECURITY.3).', {
      params: IdParams,
      body: AnswersBody,
    }),
    async (request) =>
      answerInspection(
        ctx,
        requirePermission(request, 'inspections.manage'),
        request.params.id,
        request.body.answers,
      ),
  );
  app.post(
    '/v1/inspections/:id/close',
    route(
      'inspections.manage',
      'Close an inspection whose questions are all answered (SECURITY.3).',
      {
        params: IdParams,
      },
    ),
    async (request: WithId, reply) => {
      await closeInspection(
        ctx,
        requirePermission(request, 'inspections.manage'),
        request.params.id,
      );
      return reply.status(204).send();
    },
  );
  app.post(
    '/v1/inspection-follow-ups/:id/close',
    route('inspections.manage', 'Close a follow-up once carried out (SECURITY.3).', {
      params: IdParams,
    }),
    async (request: WithId, reply) => {
      await closeFollowUp(ctx, requirePermission(request, 'inspections.manage'), request.params.id);
      return reply.status(204).send();
    },
  );
}
