import { join } from 'node:path';
import type { AdPlatformId } from './ads/ad-platform-id.ts';
import { AUDIENCE_EXTENSION } from './ads/open-audience-writer.ts';

/** `<dir>/<platform>-<UTC timestamp>.<ext>`: an export file name that sorts by time. */
export function defaultExportPath(dir: string, platform: AdPlatformId, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return join(dir, `${platform}-${stamp}.${AUDIENCE_EXTENSION[platform]}`);
}
