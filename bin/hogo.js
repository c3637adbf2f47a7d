#!/usr/bin/env node
// The `hogo` command. Runs the TypeScript sources through tsx so that `npx hogo` works
// right after `npm ci`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
