import type { CompiledPolicy } from '../policy/index.ts';
import { invalidField } from './normalize/invalid-field.ts';

/** The purpose ID when the policy file defines it for the group; else 'registry.invalid_field'. */
export function checkPurpose(
  policy: CompiledPolicy,
  purpose: string,
  group: string,
  field: string,
): string {
  const p = policy.purposes.get(purpose);
  if (p === undefined) throw invalidField(field, 'must be a purpose ID of the policy file');
  if (p.group !== group) throw invalidField(field, `must be a purpose of group ${group}`);
  return purpose;
}
