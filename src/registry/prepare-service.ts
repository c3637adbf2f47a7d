import { tryField } from './normalize/field-problems.ts';
import { invalidField, type FieldProblem } from './normalize/invalid-field.ts';
import { normalizeInstant } from './normalize/normalize-instant.ts';
import { normalizeText } from './normalize/normalize-text.ts';
import { newId } from './new-id.ts';
import type { PreparedService } from './prepared-customer.ts';
import { CLAIMS_ASSIGNEES, type ServiceInput } from './registry-input.ts';

/**
 * SP.2022.TRANSITIONAL: the origin of the contracts transferred from NTT DOCOMO on 2022-07-01;
 * only these carry `transferredFromDocomo`.
 */
export const DOCOMO_TRANSFER_ORIGIN = 'docomo-transfer-2022-07-01';

/** Normalizes one service contract and allocates its id; undefined when it had problems. */
export function prepareService(
  input: ServiceInput,
  field: string,
  problems: FieldProblem[],
): PreparedService | undefined {
  const before = problems.length;
  const name = tryField(problems, () =>
    normalizeText(input.name, `${field}.name`, { maxLength: 200 }),
  );
  const startedAt = tryField(problems, () =>
    normalizeInstant(input.startedAt, `${field}.startedAt`),
  );
  const endedAt = tryField(problems, () => {
    if (input.endedAt === undefined) return null;
    const t = normalizeInstant(input.endedAt, `${field}.endedAt`);
    if (startedAt !== undefined && t < startedAt) {
      throw invalidField(`${field}.endedAt`, 'must not be before startedAt');
    }
    return t;
  });
  const origin = tryField(problems, () =>
    input.origin === undefined
      ? null
      : normalizeText(input.origin, `${field}.origin`, { maxLength: 200 }),
  );
  const claimsAssignee = tryField(problems, () => {
    const a = input.claimsAssignee;
    if (a !== undefined && !CLAIMS_ASSIGNEES.includes(a as never)) {
      throw invalidField(
        `${field}.claimsAssignee`,
        `must be one of: ${CLAIMS_ASSIGNEES.join(', ')}`,
      );
    }
    return a ?? null;
  });
  if (problems.length > before) return undefined;
  return {
    id: newId(),
    name: name!,
    startedAt: startedAt!,
    endedAt: endedAt ?? null,
    origin: origin ?? null,
    transferredFromDocomo: origin === DOCOMO_TRANSFER_ORIGIN,
    claimsAssignee: claimsAssignee ?? null,
  };
}
