import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/app-context.ts';
import { requirePermission } from '../security/auth/require-permission.ts';
import { listNotices, type NoticeFilter } from './list-notices.ts';
import { readNotice } from './read-notice.ts';

const access = { access: { permission: 'notices.read' } } as const;
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

/** The outbox over HTTP: list (masked addresses) and one notice with its body (audited). */
export function registerNoticeRoutes(app: FastifyInstance, ctx: AppContext): void {
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
}
