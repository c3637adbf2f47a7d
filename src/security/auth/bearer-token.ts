import type { FastifyRequest } from 'fastify';

// RFC 9110 §11.1: the auth scheme is case-insensitive (`bearer`, `BEARER` are the same).
const BEARER = /^Bearer +([A-Za-z0-9_\-.~+/=]+)$/i;

/** The token of `Authorization: Bearer <token>` (RFC 6750), or undefined. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return BEARER.exec(request.headers.authorization ?? '')?.[1];
}
