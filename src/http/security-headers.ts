import type { FastifyInstance } from 'fastify';

/**
 * The pages' policy: scripts, styles and everything else only from hogo's own origin (the
 * Vite build emits no inline script), never framed (clickjacking of staff actions), no plugins,
 * no `<base>` rewriting, forms only to hogo.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Documents hogo renders itself (the policy text, the "not built" page): no script at all, so
 * their one inline `<style>` is harmless; `framedBy` is who may frame them.
 */
export function documentCsp(framedBy: "'none'" | "'self'" = "'none'"): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${framedBy}`,
  ].join('; ');
}

/** A year, with subdomains: once a browser has seen hogo over TLS it never falls back. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer, pages and API alike, errors and 404s included: a route
 * that set its own Content-Security-Policy (a rendered document) keeps it; HSTS only when
 * the request came over TLS (directly or through a trusted proxy), as RFC 6797 §7.2 requires.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', PAGE_CSP);
    }
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    // Console paths carry customer and request IDs: they never leave in a Referer.
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
