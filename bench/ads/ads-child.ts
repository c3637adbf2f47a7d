import { createSecretKey } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openContext } from '../../src/app/open-context.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { cliPrincipal } from '../../src/cli/cli-principal.ts';
import { isAdPlatformId, type AdPlatformId } from '../../src/provision/ads/ad-platform-id.ts';
import { AUDIENCE_EXTENSION } from '../../src/provision/ads/open-audience-writer.ts';
import { exportAudience } from '../../src/provision/export-audience.ts';
import { randomPooled } from '../../src/security/keys/random-pool.ts';
import { openStore } from '../../src/store/open-store.ts';
import { floorInsert, type FloorKeys } from '../import/floor-insert.ts';
import { writeDemoCsv } from '../import/write-demo-csv.ts';
import { floorExport } from './floor-export.ts';
import type { StepMode } from './run-step.ts';

/**
 * One step of the ads benchmark in a process of its own (so its peak RSS is its own), over the
 * SQLite databases in `dir` under the master key in HOGO_MASTER_KEY:
 * `seed N` registers N demo customers (seed 20220701) through the import's batch path;
 * `export PLATFORM` runs the export use case to a file in a temporary directory;
 * `floor-seed N` writes the same customers as the import benchmark's floor does (floor.sqlite);
 * `floor-export PLATFORM` runs the export floor (floor-export.ts) over them.
 * Last line: `{"ms":…,"cpuMs":…,"customers":…,"included":…,"bytes":…,"maxRssMb":…}` (cpuMs:
 * the process's CPU time during the export, a figure a busy machine disturbs less than ms).
 */
const SEED = 20_220_701;
const [dir, mode, arg] = process.argv.slice(2) as [string, StepMode, string];
const result =
  mode === 'floor-seed' || mode === 'floor-export'
    ? await floorStep(mode, arg)
    : await hogoStep(mode, arg);
console.log(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));

async function hogoStep(step: 'seed' | 'export', arg: string): Promise<Record<string, number>> {
  const ctx = await openContext({ env: { ...process.env, HOGO_DATA_DIR: dir }, warn: () => {} });
  try {
    if (step === 'seed') {
      const started = performance.now();
      const summary = await seedDemo(ctx, cliPrincipal('bench'), {
        customers: Number(arg),
        seed: SEED,
      });
      return { ms: performance.now() - started, customers: summary.imported };
    }
    return await timedExport(platformOf(arg), async (file) => {
      const receipt = await exportAudience(ctx, cliPrincipal('bench'), {
        platform: platformOf(arg),
        out: file,
      });
      return {
        customers: receipt.customers.considered,
        included: receipt.customers.included,
        files: receipt.files.map((f) => f.name),
      };
    });
  } finally {
    await ctx.close();
  }
}

async function floorStep(
  step: 'floor-seed' | 'floor-export',
  arg: string,
): Promise<Record<string, number>> {
  const store = await openStore({ url: join(dir, 'floor.sqlite') });
  // The floor's keys: the run's master key, and an index key of its own (exports do not use it).
  const keys: FloorKeys = {
    master: createSecretKey(Buffer.from(process.env.HOGO_MASTER_KEY ?? '', 'base64')),
    index: randomPooled(32),
  };
  try {
    if (step === 'floor-seed') {
      const csv = join(dir, 'floor.csv');
      await writeDemoCsv(csv, Number(arg), SEED);
      const started = performance.now();
      const customers = await floorInsert(store, csv, 1_000, keys);
      rmSync(csv);
      return { ms: performance.now() - started, customers };
    }
    return await timedExport(platformOf(arg), (file) =>
      floorExport(store, keys, platformOf(arg), file),
    );
  } finally {
    await store.close();
  }
}

/** Runs an export into a fresh directory, timed (wall and CPU), and measures what it wrote. */
async function timedExport(
  platform: AdPlatformId,
  run: (file: string) => Promise<{ customers: number; included: number; files: readonly string[] }>,
): Promise<Record<string, number>> {
  const out = mkdtempSync(join(tmpdir(), 'hogo-bench-ads-out-'));
  try {
    const file = join(out, `audience.${AUDIENCE_EXTENSION[platform]}`);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const r = await run(file);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const bytes = r.files.reduce((n, f) => n + statSync(join(out, f)).size, 0);
    return {
      ms,
      cpuMs: (used.user + used.system) / 1000,
      customers: r.customers,
      included: r.included,
      bytes,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function platformOf(arg: string): AdPlatformId {
  if (!isAdPlatformId(arg)) throw new Error(`unknown platform ${arg}`);
  return arg;
}
