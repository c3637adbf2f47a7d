import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { WEB_DIST } from '../../src/http/web-routes.ts';

/** Builds web/dist with vite when it is missing (a fresh clone before `npm run build:web`). */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}
