import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openContext } from '../../src/app/open-context.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { cliPrincipal } from '../../src/intake/cli-principal.ts';
import { isAdPlatformId } from '../../src/provision/ads/ad-platform-id.ts';
import { exportAudience } from '../../src/provision/export-audience.ts';

/**
 * One step of the ads benchmark in a process of its own (so its peak RSS is its own), over the
 * SQLite database in `dir` under the master key in HOGO_MASTER_KEY:
 * `seed N` registers N demo customers (seed 20220701) through the import's batch path;
 * `export PLATFORM` runs the export use case to a file in a temporary directory.
 * Last line: `{"ms":…,"cpuMs":…,"customers":…,"included":…,"bytes":…,"maxRssMb":…}` (cpuMs:
 * the process's CPU time during the export, a figure a busy machine disturbs less than ms).
 */
const [dir, mode, arg] = process.argv.slice(2) as [string, 'seed' | 'export', string];
const ctx = await openContext({ env: { ...process.env, HOGO_DATA_DIR: dir }, warn: () => {} });
let result: Record<string, number>;
try {
  if (mode === 'seed') {
    const started = performance.now();
    const summary = await seedDemo(ctx, cliPrincipal('bench'), {
      customers: Number(arg),
      seed: 20_220_701,
    });
    result = { ms: performance.now() - started, customers: summary.imported };
  } else {
    if (!isAdPlatformId(arg)) throw new Error(`unknown platform ${arg}`);
    const out = mkdtempSync(join(tmpdir(), 'hogo-bench-ads-out-'));
    try {
      const file = join(
        out,
        `audience.${arg === 'meta' ? 'ndjson' : arg === 'google' ? 'csv' : 'txt'}`,
      );
      const cpu = process.cpuUsage();
      const started = performance.now();
      const receipt = await exportAudience(ctx, cliPrincipal('bench'), {
        platform: arg,
        out: file,
      });
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const bytes = receipt.files.reduce((n, f) => n + statSync(join(out, f.name)).size, 0);
      result = {
        ms,
        cpuMs: (used.user + used.system) / 1000,
        customers: receipt.customers.considered,
        included: receipt.customers.included,
        bytes,
      };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
} finally {
  await ctx.close();
}
console.log(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
