import { createSecretKey, type KeyObject } from 'node:crypto';
import { HogoError } from '../../errors/index.ts';
import { open, seal } from './aes-gcm.ts';
import type { MasterKey, MasterKeyring } from './master-keyring.ts';

/** The owner a customer's data key is bound to when wrapped. */
export const customerOwner = (customerId: string): string => `customer:${customerId}`;

/**
 * What a wrapped key is bound to (AES-GCM additional data): its owner and master version, so a
 * wrapped key copied to another customer's row, or relabelled with another version, fails.
 */
function binding(owner: string, version: number): Buffer {
  return Buffer.from(`hogo:key:v${version}:${owner}`, 'utf8');
}

/** Wraps a raw key for `owner` ('customer:<id>' or 'index') under a master key. */
export function wrapKey(master: MasterKey, owner: string, raw: Uint8Array): Buffer {
  return seal(master.key, raw, binding(owner, master.version));
}

/** Unwraps a key wrapped by `wrapKey` with the master version recorded beside it. */
export function unwrapRaw(
  keyring: MasterKeyring,
  owner: string,
  version: number,
  wrapped: Uint8Array,
): Buffer {
  const master = keyring.key(version);
  if (master === undefined) {
    throw new HogoError(
      'keys.unknown_master_version',
      `master key v${version} is not in the keyring (${keyring.source}); add it (HOGO_MASTER_KEY_PREVIOUS or the key file)`,
    );
  }
  try {
    return open(master, wrapped, binding(owner, version));
  } catch {
    throw new HogoError(
      'keys.unwrap_failed',
      `a wrapped key does not open under master v${version}`,
    );
  }
}

/** Unwraps into a key object, for ciphers and HMACs. */
export function unwrapKey(
  keyring: MasterKeyring,
  owner: string,
  version: number,
  wrapped: Uint8Array,
): KeyObject {
  const raw = unwrapRaw(keyring, owner, version, wrapped);
  const key = createSecretKey(raw);
  raw.fill(0);
  return key;
}
