import { HogoError } from '../errors/index.ts';
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

/**
 * Refuses a principal whose scope names customer groups an act over the whole registry: an
 * incident's persons (APPI Art. 26(1), PPC Rules Art. 8(1) item 3 count every person; Art.
 * 26(2) tells each of them). Counting or telling only the groups in scope would file a number
 * that looks whole and leave the other persons untold while the incident reads as notified,
 * so under SECURITY.6 such a principal is refused, naming the groups, and a principal of every
 * group acts.
 */
export function requireWholeRegistry(principal: Principal, act: string): void {
  const groups = groupsInScope(principal);
  if (groups === 'all') return;
  throw new HogoError(
    'registry.needs_every_group',
    `${act} covers every customer; a scope limited to the groups ${groups.length === 0 ? '(none)' : groups.join(', ')} cannot do it (SECURITY.6)`,
    { field: 'scope.groups' },
  );
}
