// Route schemas carry OpenAPI tags and summaries: @fastify/swagger's additions to FastifySchema,
// made visible wherever routes are declared, not only where the plugin is registered.
import type {} from '@fastify/swagger';
import type { Principal } from '../principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by the authentication hook on routes that require a permission. */
    principal?: Principal;
  }
}
