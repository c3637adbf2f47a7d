import { HogoError } from '../errors/index.ts';
import type { CompiledPolicy, PolicyRequestKind } from '../policy/index.ts';

/** The short names the CLI and staff type, for the clause IDs of §9 (REQUEST.*). */
export const SHORT_KINDS: Readonly<Record<string, string>> = {
  disclosure: 'REQUEST.DISCLOSURE',
  'provision-records': 'REQUEST.PROVISION_RECORDS',
  purposes: 'REQUEST.PURPOSES',
  amendment: 'REQUEST.AMENDMENT',
  addition: 'REQUEST.ADDITION',
  deletion: 'REQUEST.DELETION',
  'suspend-use': 'REQUEST.SUSPEND_USE',
  'suspend-provision': 'REQUEST.SUSPEND_PROVISION',
  complaint: 'REQUEST.COMPLAINT',
  comment: 'REQUEST.COMMENT',
};

/**
 * The policy file's request kind named by its clause ID or short name; throws
 * 'requests.invalid_kind' when the policy has no such kind (kinds are the file's data).
 */
export function requestKind(policy: CompiledPolicy, name: string): PolicyRequestKind {
  const id = SHORT_KINDS[name] ?? name;
  const kind = policy.document.requestKinds.find((k) => k.id === id);
  if (kind === undefined) {
    const known = policy.document.requestKinds.map((k) => k.id).join(', ');
    throw new HogoError('requests.invalid_kind', `no request kind '${name}'; one of ${known}`, {
      field: 'kind',
    });
  }
  return kind;
}
