import { HogoError } from '../errors/index.ts';

/** The purpose of an ad export for each customer group (PURPOSE: REG and OTH). */
export type AdPurposes = Readonly<Record<'REG' | 'OTH', string>>;

// §3: ads of our services by taste (REG.5 / OTH.4); other companies' ads only under the
// transitional purposes REG.7 / OTH.6 (SP.2022.TRANSITIONAL, enforced by the policy's decision).
const PAIRS: readonly AdPurposes[] = [
  { REG: 'PURPOSE.REG.5', OTH: 'PURPOSE.OTH.4' },
  { REG: 'PURPOSE.REG.7', OTH: 'PURPOSE.OTH.6' },
];

/** The purposes of an export named by one of them (default: our services' ads). */
export function adPurposes(purpose?: string): AdPurposes {
  if (purpose === undefined) return PAIRS[0]!;
  const pair = PAIRS.find((p) => p.REG === purpose || p.OTH === purpose);
  if (pair === undefined) {
    throw new HogoError(
      'ads.invalid_purpose',
      'an ad export serves PURPOSE.REG.5/OTH.4, or PURPOSE.REG.7/OTH.6 (transitional)',
      { field: 'purpose' },
    );
  }
  return pair;
}
