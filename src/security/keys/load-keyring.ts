import { join } from 'node:path';
import { envKeyring } from './env-keyring.ts';
import { keyFileKeyring, type KeyFileOptions } from './key-file-keyring.ts';
import type { MasterKeyring } from './master-keyring.ts';

/**
 * The master keyring from the environment: `HOGO_MASTER_KEY` (+ `HOGO_MASTER_KEY_PREVIOUS`)
 * when set, else the key file `HOGO_KEY_FILE` (default `<dataDir>/master.key`), created on
 * first start.
 */
export function loadKeyring(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  options: KeyFileOptions = {},
): MasterKeyring {
  if (env.HOGO_MASTER_KEY !== undefined && env.HOGO_MASTER_KEY !== '') {
    return envKeyring(env.HOGO_MASTER_KEY, env.HOGO_MASTER_KEY_PREVIOUS);
  }
  return keyFileKeyring(env.HOGO_KEY_FILE ?? join(dataDir, 'master.key'), options);
}
