import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openContext } from '../app/open-context.ts';
import { provisionRecordsFor } from '../provision/provision-records-for.ts';
import { createCustomer } from '../registry/index.ts';
import { buildPrincipal } from '../registry/test-support.ts';
import { tempDir } from '../security/test-support.ts';
import { buildWebCustomer } from '../requests/web-test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

function hogo(args: string[], env: Record<string, string>, input = '') {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOGO_DATABASE_URL: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hogo requests family-call', () => {
  it('answers a matching family caller, refuses a friend and a mismatch, and records the answer', async () => {
    const env = { HOGO_DATA_DIR: tempDir() };
    const ctx = await openContext({ env });
    const customerId = (
      await createCustomer(ctx, buildPrincipal(), buildWebCustomer('a@example.jp'))
    ).id;
    await ctx.close();
    const args = (relation: string) => [
      'requests',
      'family-call',
      '--customer',
      customerId,
      '--relation',
      relation,
    ];
    // What the caller says comes on stdin, never as an argument.
    const says = (name: string) =>
      JSON.stringify({
        callerName: '山田花子',
        statedName: name,
        statedAddress: '東京都千代田区大手町１－１－１',
      });
    const friend = hogo(args('friend'), env, says('山田太郎'));
    expect(friend.code).toBe(1);
    expect(friend.stderr).toContain('family.not_family');
    expect(friend.stdout).toBe('');
    const mismatch = hogo(args('parent'), env, says('山田次郎'));
    expect(mismatch.stderr).toContain('family.mismatch');
    expect(mismatch.stdout + mismatch.stderr).not.toContain('千代田');
    const answered = hogo([...args('parent'), '--json'], env, says('山田 太郎'));
    expect(answered.code).toBe(0);
    const body = JSON.parse(answered.stdout) as { answer: { name: string }; provisionId: string };
    expect(body.answer.name).toBe('山田 太郎');
    expect(hogo(args('neighbour'), env, says('山田太郎')).code).toBe(2);
    const missing = hogo(args('parent'), env, JSON.stringify({ callerName: '山田花子' }));
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'hogo: stdin: statedName is required (a non-empty string)\n',
    ]);
    const check = await openContext({ env });
    try {
      const rows = await provisionRecordsFor(check, buildPrincipal(), customerId);
      expect(rows.map((r) => r.provisionId)).toEqual([body.provisionId]);
    } finally {
      await check.close();
    }
  }, 120_000);
});
