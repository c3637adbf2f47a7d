import type { FastifyRequest } from 'fastify';
import { HogoError } from '../errors/index.ts';

type Done = (err: Error | null, body?: unknown) => void;
type Parser = (request: FastifyRequest, body: string, done: Done) => void;

/**
 * Wraps Fastify's JSON parser (which refuses prototype keys, but as "not valid JSON"): a body
 * it refuses that holds a forbidden key is refused as such, naming the key and where
 * ('request.forbidden_key'); any other refusal stays the parser's. The common case costs
 * nothing more: the body is read again only when the parser has refused it.
 */
export function namingForbiddenKeys(parse: Parser): Parser {
  return (request, body, done) => {
    parse(request, body, (err, value) => {
      if (err === null) return done(null, value);
      const found = forbiddenKey(body);
      done(found === null ? err : found, undefined);
    });
  };
}

function forbiddenKey(body: string): HogoError | null {
  if (!body.includes('__proto__') && !body.includes('constructor')) return null;
  let found: HogoError | null = null;
  try {
    JSON.parse(body, function (this: Record<string, unknown>, key, value: unknown) {
      // `constructor` alone is a harmless name; with a `prototype` inside it reaches one.
      const reaches =
        key === '__proto__' ||
        (key === 'constructor' &&
          typeof value === 'object' &&
          value !== null &&
          'prototype' in value);
      if (found === null && reaches)
        found = new HogoError(
          'request.forbidden_key',
          `the key '${key}' is not allowed in a body`,
          {
            field: key,
          },
        );
      return value;
    });
  } catch {
    return null;
  }
  return found;
}
