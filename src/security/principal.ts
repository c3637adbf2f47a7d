import type { HogoError } from '../errors/index.ts';
/**
 * Who is acting (SECURITY.6): a staff user signed in, an API token of another system, or a
 * customer whose identity the website confirmed by a one-time code (REQUEST.WEB).
 * Every route and every use case that touches personal information receives one.
 */
export interface Principal {
  readonly id: string;
  readonly kind: 'user' | 'token' | 'customer';
  /** A display name (login name or token label); never personal information of a customer. */
  readonly name: string;
  readonly role: RoleName;
  /** Which item categories and purposes this principal may read values of ('all' or a list). */
  readonly scope: Scope;
  /** For kind 'customer' only: the one customer this principal is, and acts for. */
  readonly customerId?: string;
  /**
   * Permissions a gate withholds although the role grants them (SECURITY.4: training lapsed),
   * each with the error that says why.
   */
  readonly withheld?: ReadonlyMap<Permission, HogoError>;
}

export interface Scope {
  readonly categories: 'all' | ReadonlySet<string>;
  readonly purposes: 'all' | ReadonlySet<string>;
  /**
   * SECURITY.6: the customer groups (databases of personal information) this principal may
   * touch at all; absent: every group. A customer outside them is not found.
   */
  readonly groups?: 'all' | ReadonlySet<string>;
}

/**
 * The roles of hogo. A role grants permissions; a scope narrows which values may be read.
 * 'requester' is held only by a customer's requester token, never by a user or an API token.
 */
export type RoleName = StaffRoleName | 'requester';

/** The roles a staff user or an API token may hold. */
export type StaffRoleName = 'privacyOfficer' | 'operator' | 'auditor' | 'system';

/** Every staff role, for parsing input (users and API tokens). */
export const ROLE_NAMES: readonly StaffRoleName[] = [
  'privacyOfficer',
  'operator',
  'auditor',
  'system',
];

/** True when `name` is one of the staff roles. */
export function isRoleName(name: string): name is StaffRoleName {
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
  | 'requests.manage' // verify, charge, fulfil, refuse, notify, cancel a request
  | 'requests.own' // a verified customer: file, list and read their own requests (REQUEST.WEB)
  | 'notices.read' // the outbox of notices to customers; reading a body is audited
  | 'notices.send' // try again the notices whose sending failed (the retry job)
  | 'provision.family' // answer a family caller (PROVIDE.FAMILY), recorded as a provision
  | 'incidents.read' // recorded breaches, their duties and deadlines (APPI Art. 26)
  | 'incidents.manage' // record a breach and the people it affects (APPI Art. 26)
  | 'anonymize.read' // data sets of anonymously processed information: status, report (§7)
  | 'anonymize.create' // make a data set from the registry (its reads audited) and download it
  | 'anonymize.publish' // publish a data set's items and method, provide it (APPI Art. 43(3), 44)
  | 'violations.report' // report a suspected violation of the rules (SECURITY.3): any staff user
  | 'exports.approve' // approve another person's bulk take-out of personal values (SECURITY.5)
  | 'inspections.manage'; // start, answer and close self-inspections and their follow-ups (SECURITY.3)

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
    'notices.read',
    'notices.send',
    'provision.family',
    'incidents.read',
    'incidents.manage',
    'anonymize.read',
    'anonymize.create',
    'anonymize.publish',
    'violations.report',
    'exports.approve',
    'inspections.manage',
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
    'notices.read',
    'notices.send',
    'provision.family',
    'anonymize.read',
    'violations.report',
  ]),
  auditor: new Set<Permission>([
    'self',
    'registry.read',
    'audit.read',
    'audit.verify',
    'provision.read',
    'requests.read',
    'incidents.read',
    'anonymize.read',
    'violations.report',
    'inspections.manage',
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
    'notices.send',
    'anonymize.read',
    'anonymize.create',
  ]),
  requester: new Set<Permission>(['requests.own']),
};

/** True when `name` is a permission hogo knows (a route naming another is refused). */
export function isPermission(name: string): name is Permission {
  return Object.values(ROLE_PERMISSIONS).some((granted) => granted.has(name as Permission));
}

/** True when the principal's role grants the permission. */
export function can(principal: Principal, permission: Permission): boolean {
  if (principal.withheld?.has(permission) === true) return false;
  return ROLE_PERMISSIONS[principal.role].has(permission);
}

/** True when the principal's scope covers reading values of this category. */
export function inScope(principal: Principal, category: string): boolean {
  const c = principal.scope.categories;
  return c === 'all' || c.has(category);
}

/** True when the principal's scope covers customers of this group (SECURITY.6). */
export function groupInScope(principal: Principal, group: string): boolean {
  const g = principal.scope.groups ?? 'all';
  return g === 'all' || g.has(group);
}

/** The customer groups the principal may touch: 'all', or the list (for a query's filter). */
export function groupsInScope(principal: Principal): 'all' | readonly string[] {
  const g = principal.scope.groups ?? 'all';
  return g === 'all' ? 'all' : [...g];
}

/** True when the principal's scope covers asking decisions for this purpose (PURPOSE ID). */
export function purposeInScope(principal: Principal, purpose: string): boolean {
  const p = principal.scope.purposes;
  return p === 'all' || p.has(purpose);
}
