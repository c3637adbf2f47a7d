import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { documentCsp } from './security-headers.ts';

/** Where `npm run build:web` writes the pages (vite build of web/). */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const PUBLIC = { access: { public: true } } as const;
const HIDDEN = { hide: true } as const;

const MISSING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hogo</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.6">
<h1>hogo</h1>
<p>The web pages (privacy center and staff console) are not built. Run <code>npm run build:web</code>
(or <code>npm start</code>, which builds them) and reload.</p>
<p>The API is served: <a href="/openapi.json">/openapi.json</a>, the policy: <a href="/policy">/policy</a>.</p>
</body></html>
`;

/**
 * The web pages, public like any page of a website (the API behind them authorizes every
 * call): the privacy center at `/`, the staff console at `/console/` with every path under it
 * answered by the console's page (it routes in the browser), their assets under `/assets/`.
 * Without a build (`web/dist`), `/` and `/console/` say how to make one.
 */
export async function registerWebRoutes(
  app: FastifyInstance,
  root: string = WEB_DIST,
): Promise<void> {
  const built = existsSync(join(root, 'index.html'));
  // Loaded only when there are pages to serve: the CLI's other commands never pay for it.
  if (built) await app.register((await import('@fastify/static')).default, { root, serve: false });

  const page = (reply: FastifyReply, file: string) =>
    built
      ? reply.header('cache-control', 'no-cache').sendFile(file, root)
      : reply
          .header('content-security-policy', documentCsp())
          .type('text/html; charset=utf-8')
          .send(MISSING);

  app.get('/', { config: PUBLIC, schema: HIDDEN }, (_request, reply) => page(reply, 'index.html'));
  app.get('/console', { config: PUBLIC, schema: HIDDEN }, (_request, reply) =>
    reply.redirect('/console/'),
  );
  app.get('/console/*', { config: PUBLIC, schema: HIDDEN }, (_request, reply) =>
    page(reply, 'console/index.html'),
  );
  app.get('/assets/*', { config: PUBLIC, schema: HIDDEN }, (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const path = join(root, 'assets', name);
    // Only files of the build's assets directory; anything else (or no build) is not found.
    if (!built || name.includes('..') || !existsSync(path) || !statSync(path).isFile())
      return reply.status(404).send({
        error: { code: 'route.not_found', message: `no asset ${name}` },
      });
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .sendFile(name, join(root, 'assets'));
  });
}
