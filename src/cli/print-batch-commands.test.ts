import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openContext } from '../app/open-context.ts';
import { enqueueNotice } from '../notices/index.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { tempDir } from '../security/test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

describe('hogo print-batch', () => {
  it('makes a batch of the queued letters by post and writes it as a PDF in Japanese', async () => {
    const dir = tempDir();
    const env = { HOGO_DATA_DIR: dir };
    const ctx = await openContext({ env, warn: () => {} });
    try {
      const customerId = (await createCustomer(ctx, buildPrincipal(), buildCustomer())).id;
      await ctx.store.db.transaction().execute((tx) =>
        enqueueNotice(ctx, tx, {
          kind: 'request.outcome',
          channel: 'post',
          customerId,
          lang: 'ja',
          to: '大阪府大阪市北区梅田一丁目 佐藤花子様',
          subject: 'ご請求の結果のお知らせ',
          body: '訂正のご請求について、訂正いたしました。\n',
        }),
      );
    } finally {
      await ctx.close();
    }
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [bin, 'print-batch', ...args], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, HOGO_DATABASE_URL: '', ...env },
      });
    const made = await run(['create']);
    const [id, count] = made.stdout.trim().split('\t');
    expect(count).toBe('1 letters');
    expect((await run(['create'])).stdout).toBe('no letters by post queued\n');
    expect((await run(['list'])).stdout).toContain(`${id}\t1 letters`);
    const out = join(dir, 'batch.pdf');
    expect((await run(['take', id!, '--out', out])).stdout).toBe(`${out}\t1 letters\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('佐藤花子');
    expect(text).toContain('訂正いたしました');
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await run(['list'])).stdout).toMatch(/taken .* by cli:/);
    await expect(run(['take', 'nope', '--out', out])).rejects.toMatchObject({ code: 1 });
  }, 180_000);
});
