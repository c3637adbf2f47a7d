import type { AdPlatformId } from './ad-platform-id.ts';
import type { AudienceWriter } from './audience-writer.ts';
import { googleCsvWriter } from './google-csv-writer.ts';
import { metaBatchWriter } from './meta-batch-writer.ts';
import { yahooListWriter } from './yahoo-list-writer.ts';

/** The writer of the platform's own upload format at `path`. */
export function openAudienceWriter(platform: AdPlatformId, path: string): AudienceWriter {
  switch (platform) {
    case 'google':
      return googleCsvWriter(path);
    case 'meta':
      return metaBatchWriter(path);
    case 'yahoo':
      return yahooListWriter(path);
  }
}

/** The default file extension of each platform's upload. */
export const AUDIENCE_EXTENSION: Readonly<Record<AdPlatformId, string>> = {
  google: 'csv',
  meta: 'ndjson',
  yahoo: 'txt',
};
