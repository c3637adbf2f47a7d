#!/usr/bin/env node
// `npm run bench -- NAME`: runs bench/NAME.ts (every benchmark when no name is given).
import { register } from 'tsx/esm/api';

register();
const { runBenchmarks } = await import('../bench/run.ts');
process.exitCode = await runBenchmarks(process.argv.slice(2));
