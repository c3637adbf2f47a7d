import type { Principal, RoleName } from '../principal.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { securityDb } from '../security-tables.ts';
import { decodeScope } from '../users/scope-codec.ts';
import {
  API_TOKEN_PREFIX,
  hashSecret,
  REQUESTER_PREFIX,
  SESSION_PREFIX,
} from '../users/secrets.ts';

/**
 * The principal a bearer token stands for: a live session of an enabled user, or an API
 * token neither expired nor revoked, or — only when `requester` is true (the customer's own
 * request routes) — a live requester token, as a 'customer' principal of that one customer.
 * Undefined for anything else (one indexed read).
 */
export async function authenticateBearer(
  deps: Pick<SecurityDeps, 'store' | 'clock'>,
  token: string,
  options: { readonly requester?: boolean } = {},
): Promise<Principal | undefined> {
  const db = securityDb(deps.store.db);
  const now = deps.clock();
  if (token.startsWith(REQUESTER_PREFIX)) {
    if (options.requester !== true) return undefined;
    const row = await db
      .selectFrom('requester_tokens')
      .select(['id', 'customer_id'])
      .where('token_hash', '=', hashSecret(token))
      .where('expires_at', '>', now)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      id: `requester:${row.id}`,
      kind: 'customer',
      name: 'customer (one-time code)',
      role: 'requester',
      // A customer reads their own values through their requests, never the registry's.
      scope: { categories: new Set(), purposes: new Set() },
      customerId: row.customer_id,
    };
  }
  if (token.startsWith(SESSION_PREFIX)) {
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'users.id',
        'users.name',
        'users.role',
        'users.scope_categories',
        'users.scope_purposes',
        'users.scope_groups',
      ])
      .where('sessions.token_hash', '=', hashSecret(token))
      .where('sessions.ended_at', 'is', null)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled', '=', 0)
      .executeTakeFirst();
    return row && principal(row.id, 'user', row.name, row);
  }
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const row = await db
      .selectFrom('api_tokens')
      .select([
        'id',
        'label',
        'role',
        'scope_categories',
        'scope_purposes',
        'scope_groups',
        'expires_at',
      ])
      .where('secret_hash', '=', hashSecret(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined || (row.expires_at !== null && row.expires_at <= now)) return undefined;
    return principal(row.id, 'token', row.label, row);
  }
  return undefined;
}

function principal(
  id: string,
  kind: Principal['kind'],
  name: string,
  row: { role: string; scope_categories: string; scope_purposes: string; scope_groups: string },
): Principal {
  return {
    id,
    kind,
    name,
    role: row.role as RoleName,
    scope: decodeScope(row.scope_categories, row.scope_purposes, row.scope_groups),
  };
}
