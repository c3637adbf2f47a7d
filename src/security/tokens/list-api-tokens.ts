import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';
import { decodeScope, scopeToJson } from '../users/scope-codec.ts';

/** An API token as the list shows it: never its secret or hash. */
export interface ApiTokenListing {
  readonly id: string;
  readonly label: string;
  readonly role: string;
  readonly scope: {
    readonly categories: 'all' | readonly string[];
    readonly purposes: 'all' | readonly string[];
    readonly groups: 'all' | readonly string[];
  };
  readonly createdBy: string;
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
}

/** Every API token, newest first, so that one can be found and revoked (SECURITY.6). */
export async function listApiTokens(deps: Pick<SecurityDeps, 'store'>): Promise<ApiTokenListing[]> {
  const rows = await securityDb(deps.store.db)
    .selectFrom('api_tokens')
    .select([
      'id',
      'label',
      'role',
      'scope_categories',
      'scope_purposes',
      'scope_groups',
      'created_by',
      'created_at',
      'expires_at',
      'revoked_at',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    role: r.role,
    scope: scopeToJson(decodeScope(r.scope_categories, r.scope_purposes, r.scope_groups)),
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  }));
}
