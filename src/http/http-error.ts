import { Type } from '@sinclair/typebox';
import { kindOf, type ErrorKind } from '../errors/index.ts';

/** The status of each kind of domain error: complete by type, so a new kind must choose one. */
export const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  refused: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  not_implemented: 501,
};

/** The HTTP status for a domain error code, through its kind in the catalog. */
export function statusForCode(code: string): number {
  return STATUS_BY_KIND[kindOf(code)];
}

/** The body of every error answer: a stable code, a message, and where when known. */
export const ErrorBodySchema = Type.Object({
  error: Type.Object(
    {
      code: Type.String(),
      message: Type.String(),
      path: Type.Optional(Type.String()),
    },
    { additionalProperties: true },
  ),
});
