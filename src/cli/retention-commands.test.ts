import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../security/test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

describe('hogo retention', () => {
  const env = { PATH: process.env.PATH ?? '', HOGO_DATA_DIR: tempDir() };
  const hogo = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('runs the purge (dry or not) and refuses a bad hold naming the option or the customer', () => {
    expect(hogo('db', 'migrate').code).toBe(0);
    const dry = hogo('retention', 'purge', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ dryRun: true, examined: 0, due: [], kept: 0 });
    const run = hogo('retention', 'purge');
    expect(run.stdout).toContain('0 customer(s) with every contract ended: 0 erased');

    const reason = hogo('retention', 'hold', 'place', 'cus-1', '--reason', 'whim');
    expect(reason.code).toBe(2);
    expect(reason.stderr).toMatch(/--reason/);
    const nobody = hogo('retention', 'hold', 'place', 'cus-1', '--reason', 'dispute');
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('no such customer (registry.not_found, customerId)');
    const release = hogo('retention', 'hold', 'release', 'hold_none');
    expect(release.code).toBe(2);
    expect(release.stderr).toContain('retention.not_found');
  }, 240_000);
});
