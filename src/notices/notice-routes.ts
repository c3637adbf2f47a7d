import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { NoticeDeps } from './notice-deps.ts';
import { requirePermission } from '../security/index.ts';
import { listNotices, type NoticeFilter } from './list-notices.ts';
import {
  createPrintBatch,
  listPrintBatches,
  takePrintBatch,
  type Enclosure,
} from './print-batch.ts';
import { readNotice } from './read-notice.ts';

const access = { access: { permission: 'notices.read' } } as const;
const sendAccess = { access: { permission: 'notices.send' } } as const;
const BatchBody = Type.Object(
  { max: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })) },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    requestId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    status: Type.Optional(
      Type.Union([
        Type.Literal('queued'),
        Type.Literal('sent'),
        Type.Literal('retrying'),
        Type.Literal('failed'),
        Type.Literal('batched'),
      ]),
    ),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * The outbox over HTTP: list (masked addresses), one notice with its body (audited), and the
 * print batches of letters by post (create, list, take as PDF: audited, letters then sent).
 */
export function registerNoticeRoutes(
  app: FastifyInstance,
  ctx: NoticeDeps,
  /** The pages enclosed with a letter on paper (a disclosure's package). */
  options: { readonly enclosure?: Enclosure } = {},
): void {
  app.get(
    '/v1/outbox',
    {
      config: access,
      schema: {
        tags: ['notices'],
        summary: 'Notices to customers, newest first.',
        querystring: ListQuery,
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'notices.read');
      const q = request.query as NoticeFilter;
      return { notices: await listNotices(ctx, principal, q) };
    },
  );
  app.get(
    '/v1/outbox/:id',
    {
      config: access,
      schema: {
        tags: ['notices'],
        summary: 'One notice with its body (audited).',
        params: IdParams,
      },
    },
    async (request) => {
      const principal = requirePermission(request, 'notices.read');
      const id = (request as FastifyRequest<{ Params: { id: string } }>).params.id;
      return readNotice(ctx, principal, { noticeId: id });
    },
  );
  app.get(
    '/v1/print-batches',
    {
      config: access,
      schema: { tags: ['notices'], summary: 'Print batches of letters by post, newest first.' },
    },
    async (request) => {
      const principal = requirePermission(request, 'notices.read');
      return { batches: await listPrintBatches(ctx, principal) };
    },
  );
  app.post(
    '/v1/print-batches',
    {
      config: sendAccess,
      schema: {
        tags: ['notices'],
        summary:
          'Gathers the queued letters by post into a print batch (body {} or {"max": n}; 204 when none).',
        body: BatchBody,
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, 'notices.send');
      const body = (request.body ?? {}) as { max?: number };
      const batch = await createPrintBatch(
        ctx,
        principal,
        body.max === undefined ? {} : { max: body.max },
      );
      if (batch === null) return reply.code(204).send();
      return reply.code(201).send(batch);
    },
  );
  app.get(
    '/v1/print-batches/:id/pdf',
    {
      config: sendAccess,
      schema: {
        tags: ['notices'],
        summary:
          "A print batch's letters as one PDF for the mail house; its letters are then sent (audited).",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, 'notices.send');
      const id = (request as FastifyRequest<{ Params: { id: string } }>).params.id;
      const { pdf } = await takePrintBatch(ctx, principal, {
        batchId: id,
        ...(options.enclosure ? { enclosure: options.enclosure } : {}),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="print-batch-${id}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
