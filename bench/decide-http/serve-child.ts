import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { openContext } from '../../src/app/open-context.ts';
import { buildApp } from '../../src/http/build-app.ts';

/**
 * One server in a process of its own, on a free loopback port: `hogo` (the real app over a fresh
 * SQLite context, as `hogo serve` builds it, without its log) or `hello` (Fastify answering a
 * POST with the JSON it was sent). Prints `{"port":…}` once listening; stops on SIGTERM.
 */
async function server(kind: string): Promise<FastifyInstance> {
  if (kind === 'hello') {
    const app = Fastify({ logger: false });
    app.post('/hello', async (request) => request.body);
    return app;
  }
  const context = await openContext({
    env: {
      HOGO_DATA_DIR: mkdtempSync(join(tmpdir(), 'hogo-bench-http-')),
      HOGO_MASTER_KEY: randomBytes(32).toString('base64'),
    },
    warn: () => {},
  });
  return buildApp({ policy: context.policy, logLevel: false, context });
}

const app = await server(process.argv[2] ?? 'hello');
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
