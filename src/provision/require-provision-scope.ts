import { HogoError } from '../errors/index.ts';
import { inScope, purposeInScope, type Principal } from '../security/index.ts';

/**
 * SECURITY.6: a provision hands items over, which is more than reading them, so the principal's
 * scope bounds it as it bounds a read: every category provided and the purpose must be in scope.
 * Refused whole ('provision.out_of_scope'), before anything is decided or recorded.
 */
export function requireProvisionScope(
  principal: Principal,
  asked: { readonly purpose: string | undefined; readonly categories: Iterable<string> },
): void {
  if (asked.purpose !== undefined && !purposeInScope(principal, asked.purpose)) {
    throw new HogoError(
      'provision.out_of_scope',
      `purpose ${asked.purpose} is outside this principal's scope`,
      { field: 'purpose' },
    );
  }
  for (const category of asked.categories) {
    if (!inScope(principal, category)) {
      throw new HogoError(
        'provision.out_of_scope',
        `category ${category} is outside this principal's scope`,
        { field: 'itemCategories', category },
      );
    }
  }
}
