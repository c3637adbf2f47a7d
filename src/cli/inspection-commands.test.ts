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

describe('hogo inspections (SECURITY.3)', () => {
  it('starts an inspection, answers it with a follow-up, refuses an unknown question, and closes it', () => {
    const env = { HOGO_DATA_DIR: tempDir() };
    const listed = hogo(['inspections', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveLength(3);
    const started = hogo(
      ['inspections', 'start', '--checklist', 'handling-self-check', '--department', 'marketing'],
      env,
    );
    expect(started.code).toBe(0);
    const { id } = JSON.parse(started.stdout) as { id: string };
    const unknown = hogo(
      ['inspections', 'answer', id, '--question', 'shredder-emptied', '--result', 'ok'],
      env,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('shredder-emptied');
    const finding = hogo(
      [
        'inspections',
        'answer',
        id,
        '--question',
        'training-held',
        '--result',
        'finding',
        '--finding',
        'one lapsed completion',
        '--follow-up',
        'renew it|marketing lead|2099-01-31',
      ],
      env,
    );
    expect(finding.code).toBe(0);
    for (const q of ['access-reviewed', 'take-outs-approved', 'physical-security'])
      expect(hogo(['inspections', 'answer', id, '--question', q, '--result', 'ok'], env).code).toBe(
        0,
      );
    expect(hogo(['inspections', 'close', id], env).code).toBe(0);
    const shown = JSON.parse(hogo(['inspections', 'show', id], env).stdout);
    expect(shown).toMatchObject({
      state: 'closed',
      followUps: [
        { action: 'renew it', owner: 'marketing lead', dueOn: '2099-01-31', state: 'open' },
      ],
    });
  }, 120_000);
});
