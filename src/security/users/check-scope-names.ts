import type { SecurityContext } from '../security-deps.ts';
import { HogoError } from '../../errors/index.ts';

/**
 * Refuses a scope naming an item category or purpose the policy does not have
 * ('security.invalid_scope', naming the field and the entry): a misspelt name would otherwise
 * narrow the scope silently. Without a policy at hand nothing is checked.
 */
export function checkScopeNames(
  policy: SecurityContext['policy'] | undefined,
  input: {
    readonly categories?: 'all' | readonly string[];
    readonly purposes?: 'all' | readonly string[];
    readonly groups?: 'all' | readonly string[];
  },
): void {
  if (policy === undefined) return;
  const known = {
    categories: new Set(policy.document.categories.map((c) => c.id)),
    purposes: new Set(policy.purposes.keys()),
    groups: new Set([...policy.purposes.values()].map((p) => p.group)),
  };
  const noun = {
    categories: 'an item category',
    purposes: 'a purpose',
    groups: 'a customer group',
  };
  for (const field of ['categories', 'purposes', 'groups'] as const) {
    const list = input[field];
    if (list === undefined || list === 'all') continue;
    const index = list.findIndex((name) => !known[field].has(name));
    if (index >= 0) {
      throw new HogoError(
        'security.invalid_scope',
        `${field}[${index}] '${list[index]}' is not ${noun[field]} of the policy`,
        { path: `${field}[${index}]` },
      );
    }
  }
}
