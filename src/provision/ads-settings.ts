import { join } from 'node:path';
import { appSettings } from '../config/index.ts';
import { HogoError } from '../errors/index.ts';
import { DEFAULT_DELETE_AFTER_DAYS } from './export-audience.ts';

/** Where ad exports go and how long their files live, read from the environment once. */
export interface AdsSettings {
  /** ADS.DELETE_AFTER_MATCH: `HOGO_ADS_DELETE_AFTER_DAYS`, default 7. */
  readonly deleteAfterDays: number;
  /** `<HOGO_DATA_DIR>/ads-exports`: default directory of export files. */
  readonly exportDir: string;
}

/** Reads the ad-export settings; 'ads.invalid_setting' for a value that is not a positive integer. */
export function adsSettings(env: NodeJS.ProcessEnv): AdsSettings {
  const raw = env.HOGO_ADS_DELETE_AFTER_DAYS;
  const days = raw === undefined || raw === '' ? DEFAULT_DELETE_AFTER_DAYS : Number(raw);
  if (!Number.isInteger(days) || days < 1) {
    throw new HogoError(
      'ads.invalid_setting',
      'HOGO_ADS_DELETE_AFTER_DAYS must be a positive integer',
      {
        field: 'HOGO_ADS_DELETE_AFTER_DAYS',
      },
    );
  }
  return { deleteAfterDays: days, exportDir: join(appSettings(env).dataDir, 'ads-exports') };
}
