import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';

const AuditQuerySchema = Type.Object({
  customerId: Type.Optional(Type.String({ minLength: 1 })),
  beforeSeq: Type.Optional(
    Type.Integer({ minimum: 1, description: 'page: entries before this seq' }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
});

const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.Integer({ description: 'epoch milliseconds' }),
  actor: Type.String(),
  action: Type.String(),
  customerId: Type.Union([Type.String(), Type.Null()]),
  itemIds: Type.Array(Type.String()),
  decision: Type.Union([Type.Literal('permit'), Type.Literal('deny'), Type.Null()]),
  clauses: Type.Array(Type.String()),
  detail: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});

/** The audit log over HTTP (SECURITY.3: inspections and audits). */
export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/v1/audit',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        summary: 'Audit entries, newest first; about one customer with customerId.',
        tags: ['security'],
        querystring: AuditQuerySchema,
        response: { 200: Type.Array(AuditEntrySchema) },
      },
    },
    async (request) => ctx.audit.list(request.query as Static<typeof AuditQuerySchema>),
  );

  app.post(
    '/v1/audit/verify',
    {
      config: { access: { permission: 'audit.verify' } },
      schema: {
        summary: 'Recompute the hash chain; names the first changed, removed or reordered entry.',
        tags: ['security'],
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            entries: Type.Integer(),
            firstBad: Type.Optional(Type.Integer()),
            problem: Type.Optional(Type.String()),
          }),
        },
      },
    },
    async () => ctx.audit.verify(),
  );
}
