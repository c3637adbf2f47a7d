/** The ad platforms of §8 ADS, as the policy file names them (adPlatforms). */
export const AD_PLATFORM_IDS = ['google', 'meta', 'yahoo'] as const;

/** One ad platform's id. */
export type AdPlatformId = (typeof AD_PLATFORM_IDS)[number];

/** True when `id` names one of the ad platforms. */
export function isAdPlatformId(id: string): id is AdPlatformId {
  return (AD_PLATFORM_IDS as readonly string[]).includes(id);
}
