import { fieldProblemOf, invalidField, type FieldProblem } from './invalid-field.ts';

/**
 * Runs one normalization, keeping its field problem instead of throwing, so that a whole
 * input is checked and every problem reported at once. Other errors pass through.
 */
export function tryField<T>(problems: FieldProblem[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    const problem = fieldProblemOf(error);
    if (problem === undefined) throw error;
    problems.push(problem);
    return undefined;
  }
}

/** Throws 'registry.invalid_field' for the first problem (with all of them), if any. */
export function throwProblems(problems: readonly FieldProblem[]): void {
  const first = problems[0];
  if (first !== undefined) throw invalidField(first.field, first.reason, problems);
}
