import type { CompiledPolicy } from '../policy/index.ts';
import { throwProblems, tryField } from './normalize/field-problems.ts';
import { invalidField, type FieldProblem } from './normalize/invalid-field.ts';
import { normalizePhone } from './normalize/normalize-phone.ts';
import { normalizeText } from './normalize/normalize-text.ts';
import { newId } from './new-id.ts';
import { prepareItem } from './prepare-item.ts';
import { prepareService } from './prepare-service.ts';
import type {
  PreparedCustomer,
  PreparedItem,
  PreparedLine,
  PreparedService,
} from './prepared-customer.ts';
import type { CustomerInput } from './registry-input.ts';
import { SENSITIVE_CATEGORY, SENSITIVE_WITHOUT_CONSENT } from './sensitive-consent.ts';

/**
 * Normalizes a whole customer (services, lines, items) and allocates every id. Throws one
 * 'registry.invalid_field' naming the first bad field and listing all of them: a customer is
 * written whole or not at all. Given `now`, items acquired after it are refused. Bulk import calls it per row to report bad rows and keep good ones.
 */
export function prepareCustomer(
  policy: CompiledPolicy,
  input: CustomerInput,
  now?: number,
): PreparedCustomer {
  const problems: FieldProblem[] = [];
  const externalId = tryField(problems, () =>
    input.externalId === undefined
      ? null
      : normalizeText(input.externalId, 'externalId', { form: 'NFKC', maxLength: 200 }),
  );
  const group = tryField(problems, () => {
    if (!policy.document.groups.some((g) => g.id === input.group)) {
      throw invalidField('group', 'must be a group of the policy file (REG or OTH)');
    }
    return input.group;
  });
  const services = (input.services ?? [])
    .map((s, i) => prepareService(s, `services[${i}]`, problems))
    .filter((s): s is PreparedService => s !== undefined);
  const lines = (input.subscriberLines ?? [])
    .map((l, i) => tryField(problems, () => prepareLine(l.number, `subscriberLines[${i}].number`)))
    .filter((l): l is PreparedLine => l !== undefined);
  const items = (input.items ?? [])
    .map((item, i) => prepareItem(policy, item, `items[${i}]`, services, problems, now))
    .filter((item): item is PreparedItem => item !== undefined);
  // OBTAIN.SENSITIVE (APPI Art. 20(2)): a customer registered now has no consent on record
  // yet, so none of their items can be sensitive; the consent is recorded, then the item added.
  (input.items ?? []).forEach((item, i) => {
    if (item.category === SENSITIVE_CATEGORY)
      problems.push({ field: `items[${i}].category`, reason: SENSITIVE_WITHOUT_CONSENT });
  });
  throwProblems(problems);
  return { id: newId(), externalId: externalId ?? null, group: group!, services, lines, items };
}

/** A subscriber line: its number in E.164, and a fresh id. */
export function prepareLine(number: unknown, field: string): PreparedLine {
  return { id: newId(), number: normalizePhone(number, field) };
}
