import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '../auth/typebox-type-provider.ts';
import type { SecurityContext } from '../security-deps.ts';
import { checkAuditAnchor, createAuditAnchor } from '../audit/audit-anchor.ts';

const AuditQuerySchema = Type.Object({
  customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
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

const AnchorSchema = Type.Object(
  {
    seq: Type.Integer({ minimum: 0, description: 'the last entry anchored' }),
    hash: Type.String({ maxLength: 64 }),
    at: Type.String({ maxLength: 40 }),
    mac: Type.String({
      maxLength: 64,
      description: 'HMAC-SHA-256 under a key the database does not hold',
    }),
  },
  { additionalProperties: false },
);

/** The audit log over HTTP (SECURITY.3: inspections and audits). */
export function registerAuditRoutes(fastify: FastifyInstance, ctx: SecurityContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
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

  app.post(
    '/v1/audit/anchors',
    {
      config: { access: { permission: 'audit.verify' } },
      schema: {
        summary:
          'Sign the chain head with a key the database does not hold; keep the anchor outside the database.',
        tags: ['security'],
        response: { 200: AnchorSchema },
      },
    },
    async () => createAuditAnchor(ctx.store, ctx.keys, ctx.clock()),
  );

  app.post(
    '/v1/audit/anchors/check',
    {
      config: { access: { permission: 'audit.verify' } },
      schema: {
        summary:
          'Check anchors against the chain: each must carry a valid MAC and name an entry that still has its hash.',
        tags: ['security'],
        body: Type.Object(
          { anchors: Type.Array(AnchorSchema, { minItems: 1, maxItems: 1000 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              index: Type.Integer(),
              ok: Type.Boolean(),
              problem: Type.Optional(Type.String()),
            }),
          ),
        },
      },
    },
    async (request) => {
      const { anchors } = request.body;
      const results = [];
      for (const [index, anchor] of anchors.entries()) {
        const problem = await checkAuditAnchor(ctx.store, ctx.keys, anchor);
        results.push(problem === null ? { index, ok: true } : { index, ok: false, problem });
      }
      return results;
    },
  );
}
