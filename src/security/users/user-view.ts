import type { RoleName } from '../principal.ts';
import type { SecurityTables } from '../security-tables.ts';
import { decodeScope, scopeToJson } from './scope-codec.ts';

/** A staff user as shown to callers: never the password hash. */
export interface UserView {
  readonly id: string;
  readonly name: string;
  readonly role: RoleName;
  readonly scope: {
    categories: 'all' | string[];
    purposes: 'all' | string[];
    groups: 'all' | string[];
  };
  readonly disabled: boolean;
  readonly createdAt: number;
}

/** The view of a stored user row. */
export function userView(row: SecurityTables['users']): UserView {
  return {
    id: row.id,
    name: row.name,
    role: row.role as RoleName,
    scope: scopeToJson(decodeScope(row.scope_categories, row.scope_purposes, row.scope_groups)),
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}
