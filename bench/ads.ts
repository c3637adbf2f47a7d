import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AD_PLATFORM_IDS, type AdPlatformId } from '../src/provision/ads/ad-platform-id.ts';
import { metaFieldValues, timeHashStage } from './ads/hash-stage.ts';
import { runStep, type StepResult } from './ads/run-step.ts';
import { median } from './import/median.ts';
import { fmt, met, option } from './support/options.ts';

/**
 * `npm run bench -- ads [--customers=N] [--runs=R] [--platforms=google,meta,yahoo]
 * [--hash-customers=M]`: N demo customers (default 1,000,000) seeded into SQLite through the
 * demo's batch path (timed apart: not the measured export), then for each platform the real
 * `exportAudience` use case — the one `hogo ads export` runs — to a temporary file, each run in
 * a process of its own on a fresh copy of the seeded database (so its peak RSS is its own):
 * customers per second end to end, store to file; and, interleaved, the encrypted floor
 * (bench/ads/floor-export.ts): the least work an export of encrypted customers must do, in one
 * thread, so a target above it is out of reach of any export in one thread here. Then the normalize-and-hash stage over the
 * Meta fields of M customers (default min(N, 200,000)) against two peers in the same run: the
 * limit, `crypto.hash('sha256')` over the already-normalized strings, and
 * facebook-nodejs-business-sdk's `ServerSideUtils.normalizeAndHash` over the same inputs.
 * Last line: one JSON object.
 */

const TARGETS = { perSec: 100_000, hashRatio: 2, rssMb: 300 } as const;
const SEED_FILE = 'seeded.sqlite';

export async function run(args: string[]): Promise<number> {
  const customers = Number(option(args, 'customers', '1000000'));
  const runs = Number(option(args, 'runs', customers > 200_000 ? '1' : '3'));
  const platforms = option(args, 'platforms', AD_PLATFORM_IDS.join(',')).split(
    ',',
  ) as AdPlatformId[];
  const hashCustomers = Number(
    option(args, 'hash-customers', String(Math.min(customers, 200_000))),
  );
  const dir = mkdtempSync(join(tmpdir(), 'hogo-bench-ads-'));
  const env = {
    ...process.env,
    HOGO_MASTER_KEY: randomBytes(32).toString('base64'),
    HOGO_DATABASE_URL: '',
  };
  try {
    console.log(`ads: ${fmt(customers)} demo customers on SQLite, median of ${runs} run(s)`);
    const seeded = await runStep(dir, 'seed', String(customers), env);
    console.log(
      `seeding (not measured): ${fmt(seeded.customers)} customers in ${(seeded.ms / 1000).toFixed(1)} s ` +
        `(${fmt((seeded.customers * 1000) / seeded.ms)}/s)`,
    );
    copyFileSync(join(dir, 'hogo.sqlite'), join(dir, SEED_FILE));
    const floorSeeded = await runStep(dir, 'floor-seed', String(customers), env);
    console.log(
      `floor seeding (not measured): ${fmt(floorSeeded.customers)} customers, one sealed row each, in ${(floorSeeded.ms / 1000).toFixed(1)} s`,
    );
    const endToEndPerSec: Record<string, number> = {};
    const floorPerSec: Record<string, number> = {};
    const perCpuSecond: Record<string, number> = {};
    const included: Record<string, number> = {};
    let peakRssMb = 0;
    for (const platform of platforms) {
      const results: StepResult[] = [];
      const floors: StepResult[] = [];
      for (let i = 0; i < runs; i++) {
        // Each run starts from the seeded state: no ledger rows of an earlier export.
        copyFileSync(join(dir, SEED_FILE), join(dir, 'hogo.sqlite'));
        rmSync(join(dir, 'hogo.sqlite-wal'), { force: true });
        rmSync(join(dir, 'hogo.sqlite-shm'), { force: true });
        const r = await runStep(dir, 'export', platform, env);
        if (r.customers !== customers) {
          throw new Error(
            `${platform}: ${r.customers} customers considered, expected ${customers}`,
          );
        }
        results.push(r);
        // Interleaved with hogo's runs, so that a slow moment of the machine falls on both.
        floors.push(await runStep(dir, 'floor-export', platform, env));
      }
      const perSec = median(results.map((r) => (r.customers * 1000) / r.ms));
      const floor = median(floors.map((r) => (r.customers * 1000) / r.ms));
      floorPerSec[platform] = Math.round(floor);
      const perCpuSec = median(results.map((r) => (r.customers * 1000) / (r.cpuMs ?? r.ms)));
      const rss = Math.max(...results.map((r) => r.maxRssMb));
      peakRssMb = Math.max(peakRssMb, rss);
      endToEndPerSec[platform] = Math.round(perSec);
      perCpuSecond[platform] = Math.round(perCpuSec);
      included[platform] = results[0]!.included ?? 0;
      console.log(
        `${platform}: ${fmt(perSec)} customers/s end to end (target ≥ ${fmt(TARGETS.perSec)}: ${met(perSec >= TARGETS.perSec)}); ` +
          `${fmt(perCpuSec)} per CPU-second; ${fmt(included[platform])} included; runs ${results.map((r) => `${(r.ms / 1000).toFixed(2)} s`).join(', ')}; ` +
          `peak RSS ${rss.toFixed(0)} MB`,
      );
      console.log(
        `${platform}: encrypted floor ${fmt(floor)} customers/s in one thread (the least an export must do, ` +
          `floor-export.ts); hogo/floor ${(perSec / floor).toFixed(3)}; target/floor ${(TARGETS.perSec / floor).toFixed(1)}`,
      );
    }
    const values = metaFieldValues(20_220_701, hashCustomers);
    const stage = timeHashStage(values, Math.max(3, runs));
    const ratio = stage.hogoMs / stage.limitMs;
    console.log(
      `hash stage (Meta fields of ${fmt(hashCustomers)} customers, ${fmt(stage.values)} values): ` +
        `hogo normalize+hash ${stage.hogoMs.toFixed(0)} ms; crypto.hash limit ${stage.limitMs.toFixed(0)} ms; ` +
        `ratio ${ratio.toFixed(2)} (target ≤ ${TARGETS.hashRatio}: ${met(ratio <= TARGETS.hashRatio)}); ` +
        `facebook-nodejs-business-sdk normalizeAndHash ${stage.sdkMs.toFixed(0)} ms (ratio to hogo ${(stage.sdkMs / stage.hogoMs).toFixed(2)}), ` +
        `its normalizers + crypto.hash ${stage.sdkNormalizeOnlyMs.toFixed(0)} ms`,
    );
    console.log(
      `peak RSS ${peakRssMb.toFixed(0)} MB for ${fmt(customers)} customers` +
        (customers >= 1_000_000
          ? ` (target < ${TARGETS.rssMb} MB: ${met(peakRssMb < TARGETS.rssMb)})`
          : ''),
    );
    console.log(
      JSON.stringify({
        bench: 'ads',
        customers,
        runs,
        seedPerSec: Math.round((seeded.customers * 1000) / seeded.ms),
        endToEndPerSec,
        floorPerSec,
        perCpuSecond,
        included,
        hashValues: stage.values,
        hashHogoMs: Math.round(stage.hogoMs),
        hashLimitMs: Math.round(stage.limitMs),
        hashRatioToLimit: Number(ratio.toFixed(3)),
        sdkMs: Math.round(stage.sdkMs),
        sdkRatioToLimit: Number((stage.sdkMs / stage.limitMs).toFixed(3)),
        sdkNormalizersWithCryptoHashMs: Math.round(stage.sdkNormalizeOnlyMs),
        peakRssMb: Math.round(peakRssMb),
      }),
    );
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
