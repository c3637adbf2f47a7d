import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash, type HashedFields } from '../security/audit/audit-hash.ts';
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

  it('migrates, creates a user and a token (secrets shown once), rotates, verifies, anchors, and names a tampered entry or rewritten chain', () => {
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
    // SECURITY.6: --groups names customer groups of the policy; a misspelt one is refused.
    const group = hogo(
      'users',
      'create',
      '--name',
      'ito',
      '--role',
      'operator',
      '--groups',
      'REGG',
    );
    expect(group.stderr).toContain('(security.invalid_scope)');
    expect(group.stderr).toContain('groups[0]');

    const rotate = hogo('keys', 'rotate');
    expect(rotate.code).toBe(0);
    expect(rotate.stderr).toContain('re-wrapped 0 data keys');
    expect(readFileSync(join(dir, 'master.key'), 'utf8')).toMatch(/^v2 /m);

    const ok = hogo('audit', 'verify');
    expect(ok.stdout).toBe(
      'audit: ok, 3 entries, checked without anchors: a chain rewritten whole would pass; add --anchors FILE\n',
    );
    expect(ok.code).toBe(0);

    const anchors = join(dir, 'anchors.ndjson');
    expect(hogo('audit', 'anchor', '--out', anchors).stderr).toBe(
      `audit: anchored entry 3 in ${anchors}\n`,
    );
    const held = hogo('audit', 'verify', '--anchors', anchors);
    expect(held.stdout).toBe('audit: ok, 3 entries, 1 anchors hold\n');

    // Entry 2 changed and every hash after it recomputed: the chain verifies, the anchor not.
    const db = new SQLite(join(dir, 'hogo.sqlite'));
    const rows = db.prepare('select * from audit_log order by seq').all() as (HashedFields & {
      hash: string;
    })[];
    let prev = rows[0]!.hash;
    for (const row of rows.slice(1)) {
      const changed = {
        ...row,
        actor: row.seq === 2 ? 'someone else' : row.actor,
        prev_hash: prev,
      };
      prev = entryHash(changed);
      db.prepare('update audit_log set actor = ?, prev_hash = ?, hash = ? where seq = ?').run(
        changed.actor,
        changed.prev_hash,
        prev,
        row.seq,
      );
    }
    db.prepare('update audit_head set hash = ? where id = 1').run(prev);
    expect(hogo('audit', 'verify').stdout).toBe(
      'audit: ok, 3 entries, checked without anchors: a chain rewritten whole would pass; add --anchors FILE\n',
    );
    const rewritten = hogo('audit', 'verify', '--anchors', anchors);
    expect(rewritten.code).toBe(1);
    expect(rewritten.stderr).toMatch(
      new RegExp(`^audit: ${anchors}:1: entry 3 no longer has the hash anchored`),
    );

    db.prepare("update audit_log set actor = 'someone else again' where seq = 2").run();
    db.close();
    const tampered = hogo('audit', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/^audit: entry 2 was changed/);
  }, 120_000); // fourteen CLI processes in a row, each a Node start: slow on a loaded machine

  it('lists and revokes tokens, disables and enables users by name', () => {
    const dir2 = tempDir();
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [bin, ...args], {
        env: { ...env, HOGO_DATA_DIR: dir2 },
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const created = run('tokens', 'create', '--name', 'billing', '--role', 'system');
    const id = /created token (tok_\S+)/.exec(created.stdout)?.[1];
    expect(id).toBeDefined();
    expect(run('tokens', 'revoke', id!).stdout).toBe(`revoked token ${id}\n`);
    const listed = run('tokens', 'list');
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\tsystem\\tbilling\\trevoked `));
    expect(listed.stdout).not.toContain('hogo_tok_');
    expect(run('users', 'create', '--name', 'kato', '--role', 'operator').code).toBe(0);
    expect(run('users', 'disable', 'kato').stdout).toBe('disabled user kato\n');
    const nobody = run('users', 'disable', 'nobody');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('(users.not_found)');
  }, 120_000); // six CLI processes, each a Node start
});
