import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyTypeProvider } from 'fastify';

/**
 * Fastify's type provider for TypeBox schemas: on an app taken with
 * `app.withTypeProvider<TypeBoxTypeProvider>()`, a route's body, params and querystring have
 * the types of the schemas it declares, so handlers read them without casts.
 */
export interface TypeBoxTypeProvider extends FastifyTypeProvider {
  readonly validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  /** Replies stay untyped by their schemas: the use cases' (readonly) views are the wire shapes. */
  readonly serializer: unknown;
}
