import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../security/test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

describe('hogo db, users, tokens, keys, audit', () => {
  const dir = tempDir();
  const env = { PATH: process.env.PATH ?? '', HOGO_DATA_DIR: dir };
  const hogo = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('migrates, creates a user and a token (secrets shown once), rotates, verifies, and names a tampered entry', () => {
    const migrate = hogo('db', 'migrate');
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('applied 0100-security-keys');
    expect(migrate.stderr).toContain('created a new master key file');

    const user = hogo(
      'users',
      'create',
      '--name',
      'sato',
      '--role',
      'operator',
      '--categories',
      'email,phone',
    );
    expect(user.code).toBe(0);
    const password = /password: (\S+)/.exec(user.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const token = hogo('tokens', 'create', '--name', 'billing', '--role', 'system');
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/secret: hogo_tok_\S{43}/);

    const bad = hogo('users', 'create', '--name', 'sato', '--role', 'operator');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('(users.conflict)');

    const rotate = hogo('keys', 'rotate');
    expect(rotate.code).toBe(0);
    expect(rotate.stderr).toContain('re-wrapped 0 data keys');
    expect(readFileSync(join(dir, 'master.key'), 'utf8')).toMatch(/^v2 /m);

    const ok = hogo('audit', 'verify');
    expect(ok.stdout).toBe('audit: ok, 3 entries\n');
    expect(ok.code).toBe(0);

    const db = new SQLite(join(dir, 'hogo.sqlite'));
    db.prepare("update audit_log set actor = 'someone else' where seq = 2").run();
    db.close();
    const tampered = hogo('audit', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/^audit: entry 2 was changed/);
  }, 90_000); // ten CLI processes in a row, each a Node start: slow on a loaded machine
});
