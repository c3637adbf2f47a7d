import { createSecretKey, type KeyObject } from 'node:crypto';

/** One version of the master key. */
export interface MasterKey {
  readonly version: number;
  readonly key: KeyObject;
}

/**
 * The master keys hogo knows: the newest wraps new data keys; older ones still unwrap keys
 * not yet rotated. Never written to the database.
 */
export interface MasterKeyring {
  /** The newest version. */
  current(): MasterKey;
  /** The key of a version, or undefined when this keyring does not hold it. */
  key(version: number): KeyObject | undefined;
  /**
   * Adds a new newest version (a key file gains a line). Absent when the keys come from the
   * environment: there the operator sets the new key and `rotate` only re-wraps.
   */
  readonly addVersion?: () => MasterKey;
  /** Where the keys come from, for messages ('env' or the key file's path); never a key. */
  readonly source: string;
}

/** Length of a master key: AES-256. */
export const MASTER_KEY_BYTES = 32;

/** A master key from its raw bytes; refuses a key of the wrong length. */
export function masterKey(version: number, bytes: Buffer): MasterKey {
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new Error(`master key version must be a positive integer, got ${version}`);
  }
  if (bytes.length !== MASTER_KEY_BYTES) {
    throw new Error(
      `master key v${version} must be ${MASTER_KEY_BYTES} bytes, got ${bytes.length}`,
    );
  }
  return { version, key: createSecretKey(bytes) };
}

/** A fixed keyring over the given versions (the environment's, or a test's). */
export function staticKeyring(keys: readonly MasterKey[], source = 'env'): MasterKeyring {
  if (keys.length === 0) throw new Error('a keyring needs at least one master key');
  const byVersion = new Map<number, KeyObject>();
  for (const k of keys) {
    if (byVersion.has(k.version)) throw new Error(`master key v${k.version} is given twice`);
    byVersion.set(k.version, k.key);
  }
  const newest = [...keys].sort((a, b) => b.version - a.version)[0]!;
  return { current: () => newest, key: (v) => byVersion.get(v), source };
}
