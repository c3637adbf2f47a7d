import type { AdField } from './ad-field.ts';
import type { AdPlatformId } from './ad-platform-id.ts';
import type { AdValue, Normalized } from './ad-value.ts';
import type { AdsOptions } from './ads-options.ts';
import { normalizeForGoogle } from './google-normalizer.ts';
import { normalizeForMeta } from './meta-normalizer.ts';
import { fewValuesHash, hasFewValues } from './few-values-hash.ts';
import { sha256Hex } from './sha256-hex.ts';
import { normalizeForYahoo } from './yahoo-normalizer.ts';

const NORMALIZERS: Readonly<
  Record<AdPlatformId, (field: AdField, input: string, options: AdsOptions) => Normalized>
> = { google: normalizeForGoogle, meta: normalizeForMeta, yahoo: normalizeForYahoo };

// One shared default: a fresh `{}` per value would be garbage on the export's hot path.
const NO_OPTIONS: AdsOptions = Object.freeze({});

/** A value in the platform's normal form (ADS): never guessed, never thrown; a reason instead. */
export function normalizeForPlatform(
  platform: AdPlatformId,
  field: AdField,
  input: string,
  options: AdsOptions = NO_OPTIONS,
): Normalized {
  return NORMALIZERS[platform](field, input, options);
}

/** A value ready for the platform's upload: normalized, then SHA-256 hex when it is hashed. */
export function normalizeAdValue(
  platform: AdPlatformId,
  field: AdField,
  input: string,
  options: AdsOptions = NO_OPTIONS,
): AdValue {
  const result = normalizeForPlatform(platform, field, input, options);
  if (!result.ok) return result;
  const output = adOutput(field, result);
  // Built field by field: an object spread here costs several times the hash itself.
  return { ok: true, normalized: result.normalized, hashed: result.hashed, output };
}

/** What the upload holds of a normalized value of `field`: its SHA-256 hex, or itself in clear. */
export function adOutput(field: AdField, value: Normalized & { readonly ok: true }): string {
  if (!value.hashed) return value.normalized;
  return hasFewValues(field) ? fewValuesHash(value.normalized) : sha256Hex(value.normalized);
}
