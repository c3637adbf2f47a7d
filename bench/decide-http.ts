import { median } from './import/median.ts';
import { load } from './decide-http/load.ts';
import { startServer } from './decide-http/start-server.ts';

/**
 * `npm run bench -- decide-http`: decisions per second through hogo's real HTTP app
 * (`POST /v1/decide`, one request per call) against a Fastify hello-world POST that echoes the
 * same JSON, with the same client in the same run: keep-alive, a fixed number of concurrent
 * connections, loopback only, bounded in time and count. Each server runs in its own process;
 * median of 3 interleaved runs. Last line: one JSON object.
 */

const CONNECTIONS = 32;
const SECONDS = 3;
const WARMUP_SECONDS = 1;
const MAX_REQUESTS = 2_000_000;
const TARGET_RATIO = 0.5;

// A registered customer's e-mail, acquired after 2022-07-01 under a service transferred from
// NTT DOCOMO, used for a transitional purpose: a permit that walks the whole rule list.
const BODY = JSON.stringify({
  at: '2026-01-10T09:00:00+09:00',
  purpose: 'PURPOSE.REG.7',
  customer: { group: 'REG' },
  item: {
    category: 'email',
    acquiredAt: '2023-05-01T10:00:00+09:00',
    service: { id: 'ocn-hikari', transferredFromDocomo: true },
  },
});

async function measure(kind: 'hogo' | 'hello'): Promise<number> {
  const server = await startServer(kind);
  try {
    const path = kind === 'hogo' ? '/v1/decide' : '/hello';
    const options = {
      port: server.port,
      path,
      body: BODY,
      connections: CONNECTIONS,
      maxRequests: MAX_REQUESTS,
    };
    await load({ ...options, seconds: WARMUP_SECONDS });
    const r = await load({ ...options, seconds: SECONDS });
    if (r.failures > 0) throw new Error(`${kind}: ${r.failures} of ${r.requests} requests failed`);
    return r.requests / r.seconds;
  } finally {
    await server.stop();
  }
}

export async function run(_args: string[]): Promise<number> {
  const hogo: number[] = [];
  const hello: number[] = [];
  for (let i = 0; i < 3; i++) {
    hello.push(await measure('hello'));
    hogo.push(await measure('hogo'));
  }
  const hogoPerSec = median(hogo);
  const helloPerSec = median(hello);
  const ratio = hogoPerSec / helloPerSec;
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  console.log(
    `decide-http: ${CONNECTIONS} keep-alive connections, ${SECONDS} s per run, median of 3\n` +
      `hogo POST /v1/decide: ${fmt(hogoPerSec)} decisions/s\n` +
      `Fastify hello-world POST: ${fmt(helloPerSec)} requests/s\n` +
      `ratio ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
  );
  console.log(
    `{"bench":"decide-http","hogoPerSec":${Math.round(hogoPerSec)},"helloPerSec":${Math.round(helloPerSec)},"ratio":${ratio.toFixed(2)}}`,
  );
  return 0;
}
