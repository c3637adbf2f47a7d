/** Normalization and hashing of audience values per ad platform (ADS): pure. */
export type { AdField } from './ad-field.ts';
export { AD_PLATFORM_IDS, isAdPlatformId, type AdPlatformId } from './ad-platform-id.ts';
export type { AdValue, AdValueReason, Normalized } from './ad-value.ts';
export type { AdsOptions } from './ads-options.ts';
export { normalizeAdValue, normalizeForPlatform } from './normalize-ad-value.ts';
export { sha256Hex } from './sha256-hex.ts';
