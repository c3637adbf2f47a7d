import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { SecurityContext } from '../security-deps.ts';
import { requirePermission } from '../auth/require-permission.ts';
import { rotateMasterKey } from '../keys/rotate-master-key.ts';

/** Master key rotation over HTTP (SECURITY.6); `hogo keys rotate` shows progress instead. */
export function registerKeyRoutes(app: FastifyInstance, ctx: SecurityContext): void {
  app.post(
    '/v1/keys/rotate',
    {
      config: { access: { permission: 'keys.rotate' } },
      schema: {
        summary: 'Rotate the master key: a new version; every data key re-wrapped while serving.',
        tags: ['security'],
        response: { 200: Type.Object({ rewrapped: Type.Integer() }) },
      },
    },
    async (request) => rotateMasterKey(ctx, requirePermission(request, 'keys.rotate').id),
  );
}
