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
  },
): void {
  if (policy === undefined) return;
  const known = {
    categories: new Set(policy.document.categories.map((c) => c.id)),
    purposes: new Set(policy.purposes.keys()),
  };
  for (const field of ['categories', 'purposes'] as const) {
    const list = input[field];
    if (list === undefined || list === 'all') continue;
    const index = list.findIndex((name) => !known[field].has(name));
    if (index >= 0) {
      throw new HogoError(
        'security.invalid_scope',
        `${field}[${index}] '${list[index]}' is not ${field === 'categories' ? 'an item category' : 'a purpose'} of the policy`,
        { path: `${field}[${index}]` },
      );
    }
  }
}
