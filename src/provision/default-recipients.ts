import type { RecipientKind } from './recipient-kind.ts';

/** A recipient every installation starts with; the privacy officer completes the rest. */
export interface DefaultRecipient {
  readonly id: string;
  readonly kind: RecipientKind;
  readonly legalName: string;
  readonly country: string;
}

/**
 * §8 ADS: the three ad platforms (ids as the policy file's adPlatforms; the seed places them
 * in the USA), and §5 PROVIDE.CLAIMS: the two claims collectors (ids as services'
 * claims_assignee). Address, representative and diligence are left for the privacy officer:
 * nothing is invented, and a claims provision is refused until diligence is recorded.
 */
export const DEFAULT_RECIPIENTS: readonly DefaultRecipient[] = [
  { id: 'google', kind: 'adPlatform', legalName: 'Google LLC', country: 'US' },
  { id: 'meta', kind: 'adPlatform', legalName: 'Meta Platforms, Inc.', country: 'US' },
  { id: 'yahoo', kind: 'adPlatform', legalName: 'Yahoo! JAPAN', country: 'US' },
  { id: 'docomo', kind: 'claimsCollector', legalName: 'NTT DOCOMO, INC.', country: 'JP' },
  {
    id: 'ntt-finance',
    kind: 'claimsCollector',
    legalName: 'NTT FINANCE CORPORATION',
    country: 'JP',
  },
];
