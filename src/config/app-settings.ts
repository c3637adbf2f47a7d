import { join } from 'node:path';

/** Where hogo keeps its data, read from the environment once at the edge. */
export interface AppSettings {
  /** `HOGO_DATABASE_URL` when it is postgres://…, else the SQLite file in the data dir. */
  readonly databaseUrl: string;
  /** `HOGO_DATA_DIR`, default ./data: the SQLite file and the generated master key file. */
  readonly dataDir: string;
}

/** Reads the storage settings from the environment (keys: see loadKeyring). */
export function appSettings(env: NodeJS.ProcessEnv): AppSettings {
  const dataDir = env.HOGO_DATA_DIR ?? 'data';
  const url = env.HOGO_DATABASE_URL ?? '';
  const isPostgres = /^postgres(ql)?:\/\//.test(url);
  if (url !== '' && !isPostgres) {
    throw new Error('HOGO_DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)');
  }
  return { databaseUrl: isPostgres ? url : join(dataDir, 'hogo.sqlite'), dataDir };
}
