import { HogoError } from '../../errors/index.ts';
import type { Principal } from '../principal.ts';

/**
 * SECURITY.6: no one grants more than they hold. A user or token is given a scope only within
 * the scope of whoever creates it: a principal who may read only some categories or act for
 * only some purposes can neither give 'all' (also what an absent list means) nor name one they
 * lack ('auth.forbidden', naming the field and the entry). Roles need no such check: only the
 * privacy officer manages users, and that role holds every permission of the others.
 */
export function checkGrantableScope(
  actor: Principal,
  input: {
    readonly categories?: 'all' | readonly string[];
    readonly purposes?: 'all' | readonly string[];
    readonly groups?: 'all' | readonly string[];
  },
): void {
  for (const field of ['categories', 'purposes', 'groups'] as const) {
    const held = actor.scope[field] ?? 'all';
    if (held === 'all') continue;
    const asked = input[field] ?? 'all';
    if (asked === 'all') {
      throw new HogoError(
        'auth.forbidden',
        `${field}: your own scope is limited, so you may only grant a list within it`,
        { path: field },
      );
    }
    const index = asked.findIndex((name) => !held.has(name));
    if (index >= 0) {
      throw new HogoError(
        'auth.forbidden',
        `${field}[${index}] '${asked[index]}' is outside your own scope`,
        { path: `${field}[${index}]` },
      );
    }
  }
}
