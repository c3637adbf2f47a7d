import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../security/test-support.ts';
import { GOOGLE_CSV_HEADER } from '../provision/ads/google-csv-writer.ts';
import { openContext } from '../app/open-context.ts';
import { approveExport } from '../governance/index.ts';
import { buildApprover } from '../governance/test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

function hogo(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOGO_DATABASE_URL: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An approval asked for by `hogo approvals request`, approved by a privacy officer. */
async function approvedByAnother(env: Record<string, string>, platform: string): Promise<string> {
  const asked = hogo(
    ['approvals', 'request', '--kind', 'adExport', '--subject', platform, '--reason', 'campaign'],
    env,
  );
  expect(asked.code).toBe(0);
  const { id } = JSON.parse(asked.stdout) as { id: string };
  const ctx = await openContext({ env: { ...process.env, HOGO_DATABASE_URL: '', ...env } });
  try {
    await approveExport(ctx, buildApprover(), id);
  } finally {
    await ctx.close();
  }
  return id;
}

describe('hogo ads and hogo provision', () => {
  it('exports, purges by expiry and dry-runs the ledger purge, printing counts only', async () => {
    const dir = tempDir();
    const env = { HOGO_DATA_DIR: dir, HOGO_ADS_DELETE_AFTER_DAYS: '7' };
    expect(hogo(['demo', 'seed', '--customers', '20'], env).code).toBe(0);
    const out = join(dir, 'audience.csv');
    // SECURITY.5: asked for from the command line, approved by a second person.
    const approvalId = await approvedByAnother(env, 'google');
    const exported = hogo(
      ['ads', 'export', '--platform', 'google', '--out', out, '--approval', approvalId],
      env,
    );
    expect(exported.code).toBe(0);
    const receipt = JSON.parse(exported.stdout) as {
      customers: { considered: number };
      expiresAt: string;
      createdAt: string;
    };
    expect(receipt.customers.considered).toBe(20);
    expect(Date.parse(receipt.expiresAt) - Date.parse(receipt.createdAt)).toBe(7 * 86_400_000);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(GOOGLE_CSV_HEADER);
    expect(exported.stdout).not.toMatch(/@|\+81/);
    expect(JSON.parse(hogo(['ads', 'purge'], env).stdout)).toEqual({ exportIds: [], files: 0 });
    expect(JSON.parse(hogo(['provision', 'purge', '--dry-run'], env).stdout)).toEqual({
      dryRun: true,
      due: 0,
      deleted: 0,
    });
    // Five runs of the command on a shared machine.
  }, 120_000);

  it('refuses an unknown platform and a purpose that is not an ad purpose with exit 2', () => {
    const env = { HOGO_DATA_DIR: tempDir() };
    expect(hogo(['ads', 'export', '--platform', 'x'], env).code).toBe(2);
    const r = hogo(['ads', 'export', '--platform', 'meta', '--purpose', 'PURPOSE.REG.1b'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ads.invalid_purpose');
  });
});
