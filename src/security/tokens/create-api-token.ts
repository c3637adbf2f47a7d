import { checkScopeNames } from '../users/check-scope-names.ts';
import { HogoError } from '../../errors/index.ts';
import { isRoleName, type RoleName } from '../principal.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';
import { encodeScopeList } from '../users/scope-codec.ts';
import { API_TOKEN_PREFIX, hashSecret, newId, newSecret } from '../users/secrets.ts';

/** What makes an API token for another system. */
export interface NewApiToken {
  readonly label: string;
  readonly role: string;
  readonly categories?: 'all' | readonly string[];
  readonly purposes?: 'all' | readonly string[];
  /** The customer groups it may touch (SECURITY.6); all when absent. */
  readonly groups?: 'all' | readonly string[];
  /** Days until it expires; default 365. */
  readonly expiresInDays?: number;
}

/** An API token as shown to callers: never its secret or hash. */
export interface ApiTokenView {
  readonly id: string;
  readonly label: string;
  readonly role: RoleName;
  readonly expiresAt: number | null;
}

const DAY = 86_400_000;

/**
 * Issues an API token for a system (SECURITY.6). The secret is returned once; only its
 * SHA-256 is stored. Audited as 'tokens.create'.
 */
export async function createApiToken(
  deps: SecurityDeps,
  input: NewApiToken,
  actor: string,
): Promise<{ readonly token: ApiTokenView; readonly secret: string }> {
  if (!isRoleName(input.role)) {
    throw new HogoError('tokens.invalid_role', `no role '${input.role}'`, { path: 'role' });
  }
  const label = input.label.trim();
  if (label === '' || label.length > 100) {
    throw new HogoError('tokens.invalid_label', 'a label is 1–100 characters', { path: 'label' });
  }
  const days = input.expiresInDays ?? 365;
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new HogoError('tokens.invalid_expiry', 'expiresInDays is 1–3650', {
      path: 'expiresInDays',
    });
  }
  checkScopeNames(deps.policy, input);
  const secret = newSecret(API_TOKEN_PREFIX);
  const now = deps.clock();
  const row = {
    id: newId('tok_'),
    label,
    role: input.role,
    scope_categories: encodeScopeList(input.categories),
    scope_purposes: encodeScopeList(input.purposes),
    scope_groups: encodeScopeList(input.groups),
    secret_hash: hashSecret(secret),
    created_by: actor,
    created_at: now,
    expires_at: now + days * DAY,
    revoked_at: null,
  };
  await deps.store.db.transaction().execute(async (tx) => {
    await securityDb(tx).insertInto('api_tokens').values(row).execute();
    await deps.audit.append(tx, [
      { actor, action: 'tokens.create', detail: { tokenId: row.id, role: row.role } },
    ]);
  });
  return {
    token: { id: row.id, label, role: input.role, expiresAt: row.expires_at },
    secret,
  };
}
