import { HogoError } from '../../errors/index.ts';

/** One invalid field: where, and why; never the value itself. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/**
 * The error for an invalid input field: code 'registry.invalid_field' with `{ field, reason }`
 * (and every problem found, when there were several). The message never echoes the value.
 */
export function invalidField(
  field: string,
  reason: string,
  problems?: readonly FieldProblem[],
): HogoError {
  return new HogoError('registry.invalid_field', `${field} ${reason}`, {
    field,
    reason,
    ...(problems !== undefined && problems.length > 1 ? { problems } : {}),
  });
}

/** The field problem an error carries, when it is an 'registry.invalid_field' error. */
export function fieldProblemOf(error: unknown): FieldProblem | undefined {
  if (!(error instanceof HogoError) || error.code !== 'registry.invalid_field') return undefined;
  const d = error.details as { field?: unknown; reason?: unknown } | undefined;
  return typeof d?.field === 'string' && typeof d.reason === 'string'
    ? { field: d.field, reason: d.reason }
    : undefined;
}
