import { Type } from '@sinclair/typebox';

const STATUS_BY_PREFIX: readonly (readonly [RegExp, number])[] = [
  [/\.not_found$/, 404],
  // REQUEST.WEB one-time codes; a package asked for before the request is fulfilled.
  [/^verification\.wrong_code$/, 400],
  [/^verification\.expired$/, 410],
  [/^verification\.locked$/, 423],
  [/^verification\.rate_limited$/, 429],
  [/^request\.not_fulfilled$/, 409],
  // PROVIDE.FAMILY: not family (friends, cohabitants) or a name/address that does not match.
  [/^family\.not_family$/, 403],
  [/^family\.(mismatch|refused)$/, 422],
  // A purpose outside the principal's scope (Principal.scope.purposes).
  [/^decide\.out_of_scope$/, 403],
  [/^auth\.unauthenticated$/, 401],
  [/^auth\.locked$/, 429],
  [/\.shredded$/, 410],
  [/^auth\./, 403],
  [/\.conflict$|\.illegal_transition$/, 409],
  [/\.too_large$/, 413],
  [/\.not_implemented$/, 501],
  // A deadline past the holiday calendar's data: well-formed, but not countable (APPI Art. 26).
  [/^incidents\.calendar_ends$/, 422],
  // PROVIDE.DUE_DILIGENCE, PROVIDE.AUTHORITY: well-formed, but refused until the record exists.
  [/^(provision|ads)\.\w+_(required|missing)$/, 422],
  [/^request\.|\.invalid|\.malformed|\.missing|_required$|_not_allowed$/, 400],
];

/** The HTTP status for a domain error code; 500 for a code no rule names. */
export function statusForCode(code: string): number {
  for (const [pattern, status] of STATUS_BY_PREFIX) if (pattern.test(code)) return status;
  return 500;
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
