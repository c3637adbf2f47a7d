// Route schemas carry OpenAPI tags and summaries: @fastify/swagger's additions to FastifySchema,
// made visible wherever routes are declared, not only where the plugin is registered.
import type {} from '@fastify/swagger';

/** Who may call a route: everyone, or a caller holding the named permission (SECURITY.6). */
export type RouteAccess = { readonly public: true } | { readonly permission: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
