/**
 * Who is acting (SECURITY.6): a staff user signed in, or an API token of another system.
 * Every route and every use case that touches personal information receives one.
 */
export interface Principal {
  readonly id: string;
  readonly kind: 'user' | 'token';
  /** A display name (login name or token label); never personal information of a customer. */
  readonly name: string;
  readonly role: RoleName;
  /** Which item categories and purposes this principal may read values of ('all' or a list). */
  readonly scope: Scope;
}

export interface Scope {
  readonly categories: 'all' | ReadonlySet<string>;
  readonly purposes: 'all' | ReadonlySet<string>;
}

/** The roles of hogo. A role grants permissions; a scope narrows which values may be read. */
export type RoleName = 'privacyOfficer' | 'operator' | 'auditor' | 'system';

/** Every role, for parsing input. */
export const ROLE_NAMES: readonly RoleName[] = ['privacyOfficer', 'operator', 'auditor', 'system'];

/** True when `name` is one of hogo's roles. */
export function isRoleName(name: string): name is RoleName {
  return (ROLE_NAMES as readonly string[]).includes(name);
}

/** What a route or use case needs. */
export type Permission =
  | 'self' // see who one is, sign out: every role
  | 'registry.read' // customers and items without personal values
  | 'registry.readValues' // decrypted personal values, within scope (always audited)
  | 'registry.write'
  | 'registry.import'
  | 'decide.customer' // decisions that read facts from the registry
  | 'audit.read'
  | 'audit.verify'
  | 'users.manage'
  | 'keys.rotate'
  | 'provision.read' // recipients, diligence and the provision ledger (no personal values)
  | 'provision.manage' // recipients and diligence; purging records whose retention ended
  | 'provision.provide' // provide customers' items to a third party (PROVIDE)
  | 'provision.export' // ad-audience exports and their purge (ADS)
  | 'requests.read' // customers' requests and their history (§9 REQUEST)
  | 'requests.file' // file a request (helpdesk; the website's form, REQUEST.WEB)
  | 'requests.manage'; // verify, charge, fulfil, refuse, notify, cancel a request

/** The permissions of each role (SECURITY.3: defined responsibility and authority). */
export const ROLE_PERMISSIONS: Readonly<Record<RoleName, ReadonlySet<Permission>>> = {
  privacyOfficer: new Set<Permission>([
    'self',
    'registry.read',
    'registry.readValues',
    'registry.write',
    'registry.import',
    'decide.customer',
    'audit.read',
    'audit.verify',
    'users.manage',
    'keys.rotate',
    'provision.read',
    'provision.manage',
    'provision.provide',
    'provision.export',
    'requests.read',
    'requests.file',
    'requests.manage',
  ]),
  operator: new Set<Permission>([
    'self',
    'registry.read',
    'registry.readValues',
    'registry.write',
    'decide.customer',
    'provision.read',
    'provision.provide',
    'requests.read',
    'requests.file',
    'requests.manage',
  ]),
  auditor: new Set<Permission>([
    'self',
    'registry.read',
    'audit.read',
    'audit.verify',
    'provision.read',
    'requests.read',
  ]),
  system: new Set<Permission>([
    'self',
    'registry.read',
    'registry.write',
    'registry.import',
    'decide.customer',
    'provision.read',
    'provision.provide',
    'provision.export',
    'provision.manage',
    'requests.file',
  ]),
};

/** True when `name` is a permission hogo knows (a route naming another is refused). */
export function isPermission(name: string): name is Permission {
  return Object.values(ROLE_PERMISSIONS).some((granted) => granted.has(name as Permission));
}

/** True when the principal's role grants the permission. */
export function can(principal: Principal, permission: Permission): boolean {
  return ROLE_PERMISSIONS[principal.role].has(permission);
}

/** True when the principal's scope covers reading values of this category. */
export function inScope(principal: Principal, category: string): boolean {
  const c = principal.scope.categories;
  return c === 'all' || c.has(category);
}
