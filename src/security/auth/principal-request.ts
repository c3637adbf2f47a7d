import './route-access.ts';
import type { Principal } from '../principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by the authentication hook on routes that require a permission. */
    principal?: Principal;
  }
}
