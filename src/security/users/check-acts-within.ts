import { HogoError } from '../../errors/index.ts';
import type { Principal } from '../principal.ts';
import { checkGrantableScope } from './check-grantable-scope.ts';
import { decodeScope, scopeToJson } from './scope-codec.ts';

/**
 * SECURITY.6: acting on a user or token (disabling, enabling, revoking) is refused like
 * granting its scope would be: whoever may not create a principal of that scope may not act
 * on one either, or a narrowed officer could lock out the unrestricted admin.
 */
export function checkActsWithin(
  actor: Principal | undefined,
  target: {
    readonly scope_categories: string;
    readonly scope_purposes: string;
    readonly scope_groups: string;
  },
  what: string,
): void {
  if (actor === undefined) return;
  try {
    checkGrantableScope(
      actor,
      scopeToJson(decodeScope(target.scope_categories, target.scope_purposes, target.scope_groups)),
    );
  } catch (e) {
    if (!(e instanceof HogoError)) throw e;
    throw new HogoError('auth.forbidden', `${what} has a wider scope than yours: ${e.message}`, {
      path: String(e.details?.path ?? ''),
    });
  }
}
