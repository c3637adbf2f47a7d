import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_POSTGRES_URL } from '../src/store/test-engines.ts';
import { median } from './import/median.ts';
import { runChild, type ChildResult } from './import/run-child.ts';
import { writeDemoCsv } from './import/write-demo-csv.ts';
import { fmt, met, option } from './support/options.ts';

/**
 * `npm run bench -- import [--rows N] [--runs R] [--engines sqlite,postgres]`: customers per
 * second that `hogo import` writes (normalized, encrypted, audited, checkpointed) into SQLite and
 * PostgreSQL, against the limit of the same rows inserted plainly (multi-row INSERTs, no
 * encryption) into the same engine in the same run, and against the encrypted floor: the least
 * work an encrypted import of these rows must do (bench/import/floor-insert.ts), so a target
 * above the floor is out of reach of any import in one thread on this machine. Every import runs in its own process, so
 * its peak RSS is measured alone. Last line: one JSON object.
 */

const TARGETS = { sqlite: 100_000, postgres: 50_000, rssMb: 400 } as const;

export async function run(args: string[]): Promise<number> {
  const rows = Number(option(args, 'rows', '200000'));
  const runs = Number(option(args, 'runs', rows > 200_000 ? '1' : '3'));
  const engines = option(args, 'engines', 'sqlite,postgres').split(',') as (
    'sqlite' | 'postgres'
  )[];
  const url = process.env.HOGO_BENCH_POSTGRES_URL ?? TEST_POSTGRES_URL;
  const dir = mkdtempSync(join(tmpdir(), 'hogo-bench-import-'));
  try {
    const file = join(dir, 'customers.csv');
    const bytes = await writeDemoCsv(file, rows, 20_220_701);
    console.log(
      `import: ${fmt(rows)} demo customers, ${(bytes / 2 ** 20).toFixed(0)} MiB CSV, median of ${runs} run(s)`,
    );
    const result: Record<string, number | null> = {};
    let peakRssMb = 0;
    for (const engine of ['sqlite', 'postgres'] as const) {
      if (!engines.includes(engine)) {
        Object.assign(result, {
          [`${engine}PerSec`]: null,
          [`${engine}LimitPerSec`]: null,
          [`${engine}Ratio`]: null,
          [`${engine}FloorPerSec`]: null,
        });
        continue;
      }
      const hogo: ChildResult[] = [];
      const limit: ChildResult[] = [];
      const floor: ChildResult[] = [];
      // Interleaved, so that a slow moment of the machine falls on both alike.
      for (let i = 0; i < runs; i++) {
        hogo.push(await runChild(engine, 'hogo', file, url));
        limit.push(await runChild(engine, 'limit', file, url));
        floor.push(await runChild(engine, 'floor', file, url));
      }
      for (const r of [...hogo, ...limit, ...floor]) {
        if (r.rows !== rows) throw new Error(`${engine}: ${r.rows} rows written, expected ${rows}`);
      }
      const perSec = median(hogo.map((r) => (r.rows * 1000) / r.ms));
      const limitPerSec = median(limit.map((r) => (r.rows * 1000) / r.ms));
      const floorPerSec = median(floor.map((r) => (r.rows * 1000) / r.ms));
      peakRssMb = Math.max(peakRssMb, ...hogo.map((r) => r.maxRssMb));
      result[`${engine}PerSec`] = Math.round(perSec);
      result[`${engine}LimitPerSec`] = Math.round(limitPerSec);
      result[`${engine}Ratio`] = Number((perSec / limitPerSec).toFixed(3));
      result[`${engine}FloorPerSec`] = Math.round(floorPerSec);
      console.log(
        `${engine}: hogo ${fmt(perSec)} customers/s (target ≥ ${fmt(TARGETS[engine])}: ${met(perSec >= TARGETS[engine])}); ` +
          `plain INSERT limit ${fmt(limitPerSec)} rows/s; ratio ${(perSec / limitPerSec).toFixed(3)}; ` +
          `hogo peak RSS ${Math.max(...hogo.map((r) => r.maxRssMb)).toFixed(0)} MB`,
      );
      console.log(
        `${engine}: encrypted floor ${fmt(floorPerSec)} customers/s in one thread ` +
          `(the least an encrypted import must do, floor-insert.ts); hogo/floor ${(perSec / floorPerSec).toFixed(3)}; ` +
          `target/floor ${(TARGETS[engine] / floorPerSec).toFixed(1)}`,
      );
    }
    console.log(
      `peak RSS ${peakRssMb.toFixed(0)} MB for ${fmt(rows)} rows` +
        (rows >= 1_000_000
          ? ` (target < ${TARGETS.rssMb} MB: ${met(peakRssMb < TARGETS.rssMb)})`
          : ''),
    );
    console.log(
      JSON.stringify({ bench: 'import', ...result, peakRssMb: Math.round(peakRssMb), rows }),
    );
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
