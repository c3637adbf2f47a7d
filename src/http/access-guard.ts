import type { FastifyInstance } from 'fastify';

/** Who may call a route: everyone, or a caller holding the named permission. */
export type RouteAccess = { readonly public: true } | { readonly permission: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/**
 * SECURITY.6: every route authorizes. A route registered without `config.access` is refused
 * at registration, so no route can be added that forgets to say who may call it.
 */
export function requireAccessDeclaration(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no access (config.access)`,
      );
    }
  });
}
