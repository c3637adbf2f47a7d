import type { AdField } from './ad-field.ts';
import type { AdPlatformId } from './ad-platform-id.ts';
import type { AdValue, Normalized } from './ad-value.ts';
import type { AdsOptions } from './ads-options.ts';
import { normalizeForGoogle } from './google-normalizer.ts';
import { normalizeForMeta } from './meta-normalizer.ts';
import { sha256Hex } from './sha256-hex.ts';
import { normalizeForYahoo } from './yahoo-normalizer.ts';

const NORMALIZERS: Readonly<
  Record<AdPlatformId, (field: AdField, input: string, options: AdsOptions) => Normalized>
> = { google: normalizeForGoogle, meta: normalizeForMeta, yahoo: normalizeForYahoo };

/** A value in the platform's normal form (ADS): never guessed, never thrown; a reason instead. */
export function normalizeForPlatform(
  platform: AdPlatformId,
  field: AdField,
  input: string,
  options: AdsOptions = {},
): Normalized {
  return NORMALIZERS[platform](field, input, options);
}

/** A value ready for the platform's upload: normalized, then SHA-256 hex when it is hashed. */
export function normalizeAdValue(
  platform: AdPlatformId,
  field: AdField,
  input: string,
  options: AdsOptions = {},
): AdValue {
  const result = normalizeForPlatform(platform, field, input, options);
  if (!result.ok) return result;
  const output = result.hashed ? sha256Hex(result.normalized) : result.normalized;
  // Built field by field: an object spread here costs several times the hash itself.
  return { ok: true, normalized: result.normalized, hashed: result.hashed, output };
}
