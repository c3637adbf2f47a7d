import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../security/test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

function hogo(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOGO_DATABASE_URL: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hogo approvals and hogo countries', () => {
  it('refuses an export without an approval, and an approval by the OS user who asked', () => {
    const env = { HOGO_DATA_DIR: tempDir() };
    const refused = hogo(['ads', 'export', '--platform', 'google'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('approval.required');
    const asked = hogo(
      ['approvals', 'request', '--kind', 'adExport', '--subject', 'google', '--reason', 'q1'],
      env,
    );
    const { id, state } = JSON.parse(asked.stdout) as { id: string; state: string };
    expect(state).toBe('requested');
    const self = hogo(['approvals', 'approve', id], env);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('approval.by_requester');
    const queue = JSON.parse(hogo(['approvals', 'list', '--state', 'requested'], env).stdout);
    expect(queue).toMatchObject([{ id, kind: 'adExport', subject: 'google' }]);
  });

  it('records a staff user’s training, after which it holds', () => {
    const env = { HOGO_DATA_DIR: tempDir() };
    expect(hogo(['users', 'create', '--name', 'sato', '--role', 'operator'], env).code).toBe(0);
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const out = hogo(
      ['training', 'record', '--user', 'sato', '--course', 'privacy-basics', '--on', today],
      env,
    );
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({
      user: 'sato',
      courses: [{ courseId: 'privacy-basics', completedOn: today, lapsed: false }],
    });
    const unknown = hogo(
      ['training', 'record', '--user', 'sato', '--course', 'nope', '--on', today],
      env,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('training.unknown_course');
  }, 90_000);

  it('lists the register with the ad platforms in the USA', () => {
    const env = { HOGO_DATA_DIR: tempDir() };
    const out = hogo(['countries', 'list', '--json'], env);
    expect(out.code).toBe(0);
    const register = JSON.parse(out.stdout) as {
      entries: { code: string; recipients: { id: string }[] }[];
      unregistered: unknown[];
    };
    const us = register.entries.find((e) => e.code === 'US')!;
    expect(us.recipients.map((r) => r.id).sort()).toEqual(['google', 'meta', 'yahoo']);
    expect(register.unregistered).toEqual([]);
  });
});
