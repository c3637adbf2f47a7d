import type { FastifyRequest } from 'fastify';

const BEARER = /^Bearer ([A-Za-z0-9_\-.~+/=]+)$/;

/** The token of `Authorization: Bearer <token>` (RFC 6750), or undefined. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return BEARER.exec(request.headers.authorization ?? '')?.[1];
}
