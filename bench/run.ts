import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench -- NAME...`: runs bench/NAME.ts for each name given, or every benchmark when
 * none is. A benchmark is any bench/*.ts module (other than this runner and tests) exporting
 * `run(args): Promise<number>`; adding one needs no change here.
 */
export interface Benchmark {
  run(args: string[]): Promise<number>;
}

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The benchmarks found in bench/, by name, sorted. */
export function knownBenchmarks(): string[] {
  return readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !/\.(test|spec|d)\.ts$/.test(f))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

/**
 * Runs the named benchmarks (all when `argv` names none) in order. Arguments that start with
 * `-` are passed to every benchmark. Exit code: 0 all passed, 1 one failed, 2 unknown name.
 */
export async function runBenchmarks(argv: string[]): Promise<number> {
  const known = knownBenchmarks();
  const names = argv.filter((a) => !a.startsWith('-'));
  const options = argv.filter((a) => a.startsWith('-'));
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; known: ${known.join(', ')}`);
    return 2;
  }
  let code = 0;
  for (const name of names.length > 0 ? names : known) {
    // Only names listed from bench/ reach the import, so no path can be smuggled in.
    const mod = (await import(`./${name}.ts`)) as Partial<Benchmark>;
    if (typeof mod.run !== 'function') {
      console.error(`bench/${name}.ts exports no run(args) function`);
      code = 1;
      continue;
    }
    const result = await mod.run(options);
    if (result !== 0) code = Math.max(code, result);
  }
  return code;
}
