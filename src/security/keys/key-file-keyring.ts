import { randomBytes, type KeyObject } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import {
  MASTER_KEY_BYTES,
  masterKey,
  type MasterKey,
  type MasterKeyring,
} from './master-keyring.ts';

const HEADER =
  '# hogo master keys. Keep this file secret and backed up: without it the encrypted data\n' +
  '# cannot be read. One key per line, "v<version> <base64 of 32 bytes>"; the highest version\n' +
  '# wraps new data keys, older ones unwrap keys not yet rotated (hogo keys rotate).\n';

/** Options of `keyFileKeyring`. */
export interface KeyFileOptions {
  /** Told once when the file is created (stderr by default); never given a key. */
  readonly warn?: (message: string) => void;
}

/** Parses the key file's text; throws naming the line of a malformed one. */
export function parseKeyFile(text: string, path: string): MasterKey[] {
  const keys: MasterKey[] = [];
  const seen = new Set<number>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^v(\d+)\s+([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m) throw new Error(`${path}:${i + 1}: expected "v<version> <base64 key>"`);
    const version = Number(m[1]);
    if (seen.has(version)) throw new Error(`${path}:${i + 1}: version v${version} appears twice`);
    seen.add(version);
    keys.push(masterKey(version, Buffer.from(m[2]!, 'base64')));
  });
  if (keys.length === 0) throw new Error(`${path}: holds no master key`);
  return keys;
}

/**
 * The master keys kept in a file, created with one fresh key (mode 0600) on first start.
 * Rotation appends a version; a version this process does not know yet (another process
 * rotated) is read from the file again, and so is a file changed since it was read when a new
 * key is to be wrapped.
 */
export function keyFileKeyring(path: string, options: KeyFileOptions = {}): MasterKeyring {
  const warn = options.warn ?? ((m: string) => process.stderr.write(`hogo: ${m}\n`));
  if (!existsSync(path)) createKeyFile(path, warn);
  else if ((statSync(path).mode & 0o077) !== 0) {
    warn(`master key file ${path} is readable by others; run chmod 600 on it`);
  }
  let keys = new Map<number, KeyObject>();
  let newest: MasterKey;
  let seen = '';
  const stamp = () => {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}`;
  };
  const load = () => {
    seen = stamp();
    const parsed = parseKeyFile(readFileSync(path, 'utf8'), path);
    keys = new Map(parsed.map((k) => [k.version, k.key]));
    newest = parsed.reduce((a, b) => (b.version > a.version ? b : a));
  };
  load();
  return {
    source: path,
    // Another process may have rotated: new data keys are wrapped under the newest version the
    // file holds, not the one this process started with (a stat per call, no read unless changed).
    current() {
      if (stamp() !== seen) load();
      return newest;
    },
    key(version) {
      if (!keys.has(version)) load();
      return keys.get(version);
    },
    addVersion() {
      return withLock(`${path}.lock`, () => {
        load();
        appendFileSync(path, randomKeyLine(newest.version + 1));
        load();
        return newest;
      });
    },
  };
}

function randomKeyLine(version: number): string {
  return `v${version} ${randomBytes(MASTER_KEY_BYTES).toString('base64')}\n`;
}

function createKeyFile(path: string, warn: (message: string) => void): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    // 'wx': two processes starting at once must not both write a different first key.
    fd = openSync(path, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw e;
  }
  try {
    writeSync(fd, HEADER + randomKeyLine(1));
  } finally {
    closeSync(fd);
  }
  warn(
    `created a new master key file ${path} (mode 0600). Back it up and keep it secret: ` +
      'without it the encrypted personal information cannot be read. ' +
      'Set HOGO_MASTER_KEY (or HOGO_KEY_FILE) to keep keys elsewhere.',
  );
}

/** Runs `fn` holding an exclusive lock file, so two rotations never add the same version. */
function withLock<T>(lockPath: string, fn: () => T): T {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`another rotation holds ${lockPath}; remove it if no rotation is running`);
    }
    throw e;
  }
  try {
    return fn();
  } finally {
    closeSync(fd);
    unlinkSync(lockPath);
  }
}
