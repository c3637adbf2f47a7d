import type { FastifyInstance } from 'fastify';

import type { RouteAccess } from '../security/index.ts';

export type { RouteAccess };

/**
 * SECURITY.6: every route authorizes. A route registered without `config.access` is refused
 * at registration, so no route can be added that forgets to say who may call it.
 */
export function requireAccessDeclaration(app: FastifyInstance): readonly DeclaredRoute[] {
  const declared: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no access (config.access)`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') declared.push({ method, url: route.url, access });
    }
  });
  return declared;
}

/** A route as registered, with the access it declared: the table the access matrix tests. */
export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
}
