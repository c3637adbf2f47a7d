import { masterKey, staticKeyring, type MasterKey, type MasterKeyring } from './master-keyring.ts';

/**
 * The master keys given in the environment: `HOGO_MASTER_KEY` is the newest, either plain
 * base64 (version 1) or `v<N>:<base64>`; `HOGO_MASTER_KEY_PREVIOUS` lists older versions as
 * comma-separated `v<N>:<base64>`, kept until `hogo keys rotate` has re-wrapped every key.
 */
export function envKeyring(current: string, previous = ''): MasterKeyring {
  const keys: MasterKey[] = [parseEnvKey(current, 'HOGO_MASTER_KEY', 1)];
  for (const part of previous.split(',')) {
    if (part.trim() !== '') keys.push(parseEnvKey(part.trim(), 'HOGO_MASTER_KEY_PREVIOUS'));
  }
  const ring = staticKeyring(keys, 'env');
  if (ring.current().version !== keys[0]!.version) {
    throw new Error('HOGO_MASTER_KEY must carry the highest version of the master keys');
  }
  return ring;
}

function parseEnvKey(value: string, name: string, defaultVersion?: number): MasterKey {
  const m = /^(?:v(\d+):)?([A-Za-z0-9+/=]+)$/.exec(value.trim());
  const version = m?.[1] !== undefined ? Number(m[1]) : defaultVersion;
  // The message names the variable, never its value: it is a secret.
  if (!m || version === undefined) {
    throw new Error(`${name} must be ${defaultVersion ? '<base64> or ' : ''}v<N>:<base64>`);
  }
  try {
    return masterKey(version, Buffer.from(m[2]!, 'base64'));
  } catch (e) {
    throw new Error(`${name}: ${(e as Error).message}`);
  }
}
