import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openContext } from '../app/open-context.ts';
import { tempDir } from '../security/test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));
const example = fileURLToPath(new URL('../../examples/anonymize/customers.yaml', import.meta.url));

describe('hogo anonymize over the registry (examples/anonymize/customers.yaml)', () => {
  const dir = tempDir();
  const env = { PATH: process.env.PATH ?? '', HOGO_DATA_DIR: dir };
  const hogo = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('writes the data set, the report and the items, keeps the data set, audits the reads once', async () => {
    expect(hogo('demo', 'seed', '--customers', '600').code).toBe(0);
    const out = join(dir, 'customers.csv');
    const run = hogo(
      'anonymize',
      '--config',
      example,
      '--out',
      out,
      '--report',
      join(dir, 'r.json'),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const csv = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('customer,birthDate,gender,address');
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(csv).toHaveLength(report.metrics.rowsOut + 1);
    expect(report.metrics.smallestClass).toBeGreaterThanOrEqual(10);
    expect(report.source.considered).toBe(600);
    // Ad opt-outs of the demo are left out (the one reading the data sets add).
    expect(report.source.denied['ADS.OPT_OUT']).toBeGreaterThan(0);
    const items = JSON.parse(readFileSync(join(dir, 'customers.items.json'), 'utf8'));
    expect(items.items).toHaveLength(4);
    expect(items.items[1].en).toMatch(/^Date of birth/);
    expect(items.items[1].ja).toMatch(/^生年月日/);
    expect(run.stdout).toMatch(/kept as data set \S+; the privacy officer publishes it/);
    expect(existsSync(join(dir, 'customers.csv.partial'))).toBe(false);

    const ctx = await openContext({ env, warn: () => {} });
    try {
      const audit = await ctx.audit.list({ limit: 1000 });
      const reads = audit.filter((e) => e.action === 'anonymize.readValues');
      expect(reads).toHaveLength(1);
      expect(audit.some((e) => e.action === 'item.readValue')).toBe(false);
      const rows = await ctx.store.db
        .selectFrom('anonymized_datasets' as never)
        .select(['state' as never, 'rows' as never])
        .execute();
      expect(rows).toEqual([{ state: 'done', rows: report.metrics.rowsOut }]);
    } finally {
      await ctx.close();
    }
  }, 240_000);
});
