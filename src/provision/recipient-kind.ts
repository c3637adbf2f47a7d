/** The kinds of third party a provision goes to (policy file: recipientKinds; family excluded). */
export const RECIPIENT_KINDS = [
  'subcontractor',
  'claimsCollector',
  'authority',
  'adPlatform',
  'jointUser',
] as const;

/** One recipient kind. */
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** The clause a provision to each kind rests on (§5, §6, §8). */
export const CLAUSE_OF_KIND: Readonly<Record<RecipientKind, string>> = {
  subcontractor: 'PROVIDE.SUBCONTRACTOR',
  claimsCollector: 'PROVIDE.CLAIMS',
  authority: 'PROVIDE.AUTHORITY',
  adPlatform: 'ADS',
  jointUser: 'JOINT_USE',
};

/** PROVIDE.DUE_DILIGENCE: the kinds verified before any provision. */
export const DILIGENCE_KINDS: ReadonlySet<RecipientKind> = new Set([
  'subcontractor',
  'claimsCollector',
]);
