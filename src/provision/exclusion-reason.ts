/** Why a customer is not in an audience export (the receipt counts each). */
export type ExclusionReason =
  | 'opted_out'
  | 'suspended'
  | 'transitional'
  | 'not_eligible_for_purpose'
  | 'no_items'
  | 'value_did_not_normalize';

/** Every reason, in the order the receipt lists them. */
export const EXCLUSION_REASONS: readonly ExclusionReason[] = [
  'opted_out',
  'suspended',
  'transitional',
  'not_eligible_for_purpose',
  'no_items',
  'value_did_not_normalize',
];

// Most decisive first: a customer who opted out is counted as opted out, whatever else holds.
const BY_CLAUSE: readonly (readonly [string, ExclusionReason])[] = [
  ['ADS.OPT_OUT', 'opted_out'],
  ['REQUEST.SUSPEND_PROVISION', 'suspended'],
  ['REQUEST.SUSPEND_USE', 'suspended'],
  ['SP.2022.TRANSITIONAL', 'transitional'],
];

/** The reason a denied item gives, from the clauses its decision cites. */
export function exclusionReason(clauses: readonly string[]): ExclusionReason {
  for (const [clause, reason] of BY_CLAUSE) if (clauses.includes(clause)) return reason;
  return 'not_eligible_for_purpose';
}

/** Of several items' reasons, the one that counts for the customer (the most decisive). */
export function customerReason(reasons: readonly ExclusionReason[]): ExclusionReason {
  for (const r of EXCLUSION_REASONS) if (reasons.includes(r)) return r;
  return 'no_items';
}
