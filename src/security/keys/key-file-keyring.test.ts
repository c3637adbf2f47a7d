import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support.ts';
import { envKeyring } from './env-keyring.ts';
import { keyFileKeyring } from './key-file-keyring.ts';
import { loadKeyring } from './load-keyring.ts';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe('key file keyring', () => {
  it('creates the key file on first start with mode 0600 and warns once', () => {
    const path = join(tempDir(), 'nested', 'master.key');
    const warnings: string[] = [];
    const ring = keyFileKeyring(path, { warn: (m) => warnings.push(m) });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(ring.current().version).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('created a new master key file');
    keyFileKeyring(path, { warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
  });

  it('adds a version on rotation, and another process sees it on demand', () => {
    const path = join(tempDir(), 'master.key');
    const first = keyFileKeyring(path, { warn: () => {} });
    const other = keyFileKeyring(path, { warn: () => {} });
    const added = first.addVersion!();
    expect(added.version).toBe(2);
    expect(first.current().version).toBe(2);
    expect(other.key(2)).toBeDefined();
    expect(readFileSync(path, 'utf8').match(/^v\d+ /gm)).toEqual(['v1 ', 'v2 ']);
  });

  it('wraps new keys under the version another process added, without a restart', () => {
    const path = join(tempDir(), 'master.key');
    const serving = keyFileKeyring(path, { warn: () => {} });
    const rotating = keyFileKeyring(path, { warn: () => {} });
    expect(serving.current().version).toBe(1);
    rotating.addVersion!();
    expect(serving.current().version).toBe(2);
  });

  it('names the line of a malformed key file', () => {
    const path = join(tempDir(), 'master.key');
    writeFileSync(path, `v1 ${key(1)}\nnot a key\n`, { mode: 0o600 });
    expect(() => keyFileKeyring(path)).toThrow(/master\.key:2: expected/);
  });

  it('warns when the key file is readable by others', () => {
    const path = join(tempDir(), 'master.key');
    writeFileSync(path, `v1 ${key(1)}\n`, { mode: 0o644 });
    const warnings: string[] = [];
    keyFileKeyring(path, { warn: (m) => warnings.push(m) });
    expect(warnings.join()).toContain('chmod 600');
  });
});

describe('environment keyring', () => {
  it('reads the newest key and the previous versions', () => {
    const ring = envKeyring(`v3:${key(3)}`, `v1:${key(1)}, v2:${key(2)}`);
    expect(ring.current().version).toBe(3);
    expect(ring.key(1)).toBeDefined();
    expect(ring.addVersion).toBeUndefined();
  });

  it('takes plain base64 as version 1', () => {
    expect(envKeyring(key(7)).current().version).toBe(1);
  });

  it('refuses a key of the wrong length without echoing it', () => {
    const short = Buffer.alloc(16, 9).toString('base64');
    expect(() => envKeyring(short)).toThrow(/HOGO_MASTER_KEY: .*32 bytes/);
    try {
      envKeyring(short);
    } catch (e) {
      expect((e as Error).message).not.toContain(short);
    }
  });

  it('refuses a previous key newer than the current one', () => {
    expect(() => envKeyring(`v1:${key(1)}`, `v2:${key(2)}`)).toThrow(/highest version/);
  });

  it('is preferred to the key file when HOGO_MASTER_KEY is set', () => {
    const dir = tempDir();
    const ring = loadKeyring({ HOGO_MASTER_KEY: key(1) }, dir);
    expect(ring.source).toBe('env');
    const fromFile = loadKeyring({}, dir, { warn: () => {} });
    expect(fromFile.source).toBe(join(dir, 'master.key'));
  });
});
