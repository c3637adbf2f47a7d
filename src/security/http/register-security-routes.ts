import type { FastifyInstance } from 'fastify';
import type { SecurityContext } from '../security-deps.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { registerKeyRoutes } from './key-routes.ts';
import { registerSessionRoutes } from './session-routes.ts';
import { registerTokenRoutes } from './token-routes.ts';
import { registerUserRoutes } from './user-routes.ts';

/** The security slice's routes: sessions, users, tokens, audit, key rotation. */
export function registerSecurityRoutes(app: FastifyInstance, ctx: SecurityContext): void {
  registerSessionRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerKeyRoutes(app, ctx);
}
