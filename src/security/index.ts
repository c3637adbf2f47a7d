/** The security slice: what other slices and the adapters may call. */
export { type AuditEvent } from './audit-entry.ts';
export { type AuditLog } from './audit-log.ts';
export { appendAuditAnchor, checkAuditAnchor, createAuditAnchor } from './audit/audit-anchor.ts';
export { createAuditLog } from './audit/create-audit-log.ts';
export {
  registerAuthentication,
  type Authenticate,
  type PrincipalGate,
} from './auth/register-authentication.ts';
export { requirePermission } from './auth/require-permission.ts';
export { authorize } from './authorize.ts';
export { clientNetwork } from './client-network.ts';
export { registerSecurityRoutes } from './http/register-security-routes.ts';
export { createKeyService } from './keys/create-key-service.ts';
export { type KeyFileOptions } from './keys/key-file-keyring.ts';
export { type CustomerCipher, type KeyService } from './keys/key-service.ts';
export { loadKeyring } from './keys/load-keyring.ts';
export { fillRandom } from './keys/random-pool.ts';
export { rotateMasterKey } from './keys/rotate-master-key.ts';
export {
  type Permission,
  type Principal,
  type RoleName,
  can,
  inScope,
  groupInScope,
  groupsInScope,
  purposeInScope,
} from './principal.ts';
export { endRequesterToken } from './requesters/end-requester-token.ts';
export { issueRequesterToken } from './requesters/issue-requester-token.ts';
export { securityMigrations } from './security-migrations.ts';
export { createApiToken } from './tokens/create-api-token.ts';
export { listApiTokens } from './tokens/list-api-tokens.ts';
export { revokeApiToken } from './tokens/revoke-api-token.ts';
export { bootstrap } from './users/bootstrap.ts';
export { createUser } from './users/create-user.ts';
export { listUsers } from './users/list-users.ts';
export { setUserDisabled } from './users/set-user-disabled.ts';
export type { SecurityContext, SecurityDeps } from './security-deps.ts';
export type { RouteAccess } from './auth/route-access.ts';
export type { TypeBoxTypeProvider } from './auth/typebox-type-provider.ts';
