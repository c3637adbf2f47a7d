import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { requireAccessDeclaration } from './access-guard.ts';
import { registerWebRoutes } from './web-routes.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A build directory as vite writes it: two pages and their assets. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'hogo-web-'));
  dirs.push(root);
  mkdirSync(join(root, 'console'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<title>center</title>');
  writeFileSync(join(root, 'console', 'index.html'), '<title>console</title>');
  writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not an asset');
  return root;
}

async function appOver(root: string) {
  const app = Fastify({ logger: false });
  const routes = requireAccessDeclaration(app);
  await registerWebRoutes(app, root);
  await app.ready();
  return { app, routes };
}

describe('the web pages (registerWebRoutes)', () => {
  it('serves the privacy center at /, the console for every path under /console/, and assets', async () => {
    const { app, routes } = await appOver(fakeBuild());
    expect(routes.every((r) => 'public' in r.access)).toBe(true);
    const get = (url: string) => app.inject({ method: 'GET', url });
    expect((await get('/')).body).toBe('<title>center</title>');
    expect((await get('/console')).headers.location).toBe('/console/');
    for (const url of ['/console/', '/console/requests/r-1', '/console/outbox'])
      expect([url, (await get(url)).body]).toEqual([url, '<title>console</title>']);
    const asset = await get('/assets/app-1.js');
    expect([asset.statusCode, asset.body]).toEqual([200, 'console.log(1)']);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    for (const url of ['/assets/missing.js', '/assets/..%2Fsecret.txt', '/assets/../secret.txt'])
      expect([url, (await get(url)).statusCode]).toEqual([url, 404]);
    await app.close();
  });

  it('says how to build the pages when there is no build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'hogo-web-'));
    dirs.push(empty);
    const { app } = await appOver(empty);
    for (const url of ['/', '/console/requests/r-1']) {
      const page = await app.inject({ method: 'GET', url });
      expect([page.statusCode, page.body.includes('npm run build:web')]).toEqual([200, true]);
    }
    expect((await app.inject({ method: 'GET', url: '/assets/app-1.js' })).statusCode).toBe(404);
    await app.close();
  });
});
