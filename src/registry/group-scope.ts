import { groupsInScope, type Principal } from '../security/index.ts';

/**
 * The customer groups a query may return for this principal (SECURITY.6): 'all', or a
 * non-empty list for `where customer_group in (…)` — an empty scope matches no group, as ''
 * names none.
 */
export function groupFilter(principal: Principal): 'all' | readonly string[] {
  const groups = groupsInScope(principal);
  return groups === 'all' || groups.length > 0 ? groups : [''];
}
