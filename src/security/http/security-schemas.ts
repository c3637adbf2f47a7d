import { Type } from '@sinclair/typebox';
import { ROLE_NAMES } from '../principal.ts';

/** A role name on the wire. */
export const RoleSchema = Type.Union(ROLE_NAMES.map((r) => Type.Literal(r)));

/** 'all', or the names a scope is narrowed to. */
export const ScopeListSchema = Type.Union([
  Type.Literal('all'),
  Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 }),
]);

/** A scope on the wire (SECURITY.6: which item categories and purposes may be read). */
export const ScopeSchema = Type.Object({
  categories: ScopeListSchema,
  purposes: ScopeListSchema,
  groups: ScopeListSchema,
});

/** A staff user, without any secret. */
export const UserSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  scope: ScopeSchema,
  disabled: Type.Boolean(),
  createdAt: Type.Integer({ description: 'epoch milliseconds' }),
});

/** The error body every route answers with. */
export const ErrorSchema = Type.Object({
  error: Type.Object(
    { code: Type.String(), message: Type.String() },
    { additionalProperties: true },
  ),
});
