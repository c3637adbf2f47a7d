import type { AdField } from './ad-field.ts';
import { sha256Hex } from './sha256-hex.ts';

// The fields whose normalized values come from a small closed set: m/f, the ISO 3166 codes,
// a year. An audience repeats them on nearly every row, so each is hashed once.
const FEW_VALUED: ReadonlySet<AdField> = new Set<AdField>(['gender', 'country', 'birthYear']);
// More than the three sets hold together; past it (never in practice) values are hashed anew.
const MAX_REMEMBERED = 4096;
const remembered = new Map<string, string>();

/** Whether the normalized values of `field` are few enough to remember their hashes. */
export const hasFewValues = (field: AdField): boolean => FEW_VALUED.has(field);

/**
 * SHA-256 hex of a normalized value of a few-valued field (`hasFewValues`), remembered: the
 * same answer as `sha256Hex`, computed once per distinct value. A hash of personal data is
 * kept in memory only for values shared by many (a gender letter, a country, a year).
 */
export function fewValuesHash(normalized: string): string {
  let hex = remembered.get(normalized);
  if (hex === undefined) {
    hex = sha256Hex(normalized);
    if (remembered.size < MAX_REMEMBERED) remembered.set(normalized, hex);
  }
  return hex;
}
