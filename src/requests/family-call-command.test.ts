import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openContext } from '../app/open-context.ts';
import { provisionRecordsFor } from '../provision/provision-records-for.ts';
import { createCustomer } from '../registry/index.ts';
import { buildPrincipal } from '../registry/test-support.ts';
import { tempDir } from '../security/test-support.ts';
import { buildWebCustomer } from './web-test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

function hogo(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [bin, ...args], {
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
    const args = (relation: string, name: string) => [
      'requests',
      'family-call',
      '--customer',
      customerId,
      '--relation',
      relation,
      '--caller-name',
      '山田花子',
      '--stated-name',
      name,
      '--stated-address',
      '東京都千代田区大手町１－１－１',
    ];
    const friend = hogo(args('friend', '山田太郎'), env);
    expect(friend.code).toBe(1);
    expect(friend.stderr).toContain('family.not_family');
    expect(friend.stdout).toBe('');
    const mismatch = hogo(args('parent', '山田次郎'), env);
    expect(mismatch.stderr).toContain('family.mismatch');
    expect(mismatch.stdout + mismatch.stderr).not.toContain('千代田');
    const answered = hogo([...args('parent', '山田 太郎'), '--json'], env);
    expect(answered.code).toBe(0);
    const body = JSON.parse(answered.stdout) as { answer: { name: string }; provisionId: string };
    expect(body.answer.name).toBe('山田 太郎');
    expect(hogo(args('neighbour', '山田太郎'), env).code).toBe(2);
    const check = await openContext({ env });
    try {
      const rows = await provisionRecordsFor(check, buildPrincipal(), customerId);
      expect(rows.map((r) => r.provisionId)).toEqual([body.provisionId]);
    } finally {
      await check.close();
    }
  }, 120_000);
});
