import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../../src/policy/test-support.ts';

/** Flooding clients, each from its own loopback address (Linux routes all of 127/8 to lo). */
const CLIENTS = 50;
/** How long they flood: bounded, so the test costs seconds, not minutes. */
const FLOOD_MS = 6_000;
/** The server's resident memory must stay under this while flooded. */
const RSS_LIMIT_MB = 600;
/** `/health` must answer within this at the 99th percentile. */
const HEALTH_P99_MS = 50;

const BIN = join(process.cwd(), 'bin', 'hogo.js');
const BATCH = JSON.stringify(Array.from({ length: 10_000 }, () => buildRequest()));

/**
 * The flood, as plain JavaScript for a worker thread: each client from its own loopback
 * address (Linux routes all of 127/8 to lo) keeps 6 calls in flight, over its limit of 4 at
 * once, until `end`; the body is encoded once. Posts back how many answers had each status
 * (0 when the socket failed).
 */
const FLOOD_WORKER = `
const { request } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { port, clients, end, body } = workerData;
const bytes = Buffer.from(body);
const counts = new Map();
const post = (from) => new Promise((done) => {
  const req = request({ host: '127.0.0.1', port, path: '/v1/decide', method: 'POST', localAddress: from,
    headers: { 'content-type': 'application/json', 'content-length': bytes.length } }, (res) => {
    res.resume();
    res.on('end', () => done(res.statusCode || 0));
  });
  req.on('error', () => done(0));
  req.end(bytes);
});
Promise.all(Array.from({ length: clients }, (_, c) => {
  const from = '127.0.' + ((c >> 8) + 1) + '.' + ((c & 255) + 1);
  return Promise.all(Array.from({ length: 6 }, async () => {
    while (Date.now() < end) {
      const status = await post(from);
      counts.set(status, (counts.get(status) || 0) + 1);
    }
  }));
})).then(() => parentPort.postMessage([...counts]));
`;

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

/** One POST from a given local address; resolves with the status (0 when the socket failed). */
function post(port: number, from: string, body: string, token?: string): Promise<number> {
  return new Promise((done) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/decide',
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    req.on('error', () => done(0));
    req.end(body);
  });
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

describe('50 clients flooding the public decision', () => {
  let dataDir: string;
  let server: ChildProcess;
  let port: number;
  let token: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hogo-flood-'));
    const env = { ...process.env, HOGO_DATA_DIR: dataDir, HOGO_LOG_LEVEL: 'silent' };
    const created = spawnSync(
      process.execPath,
      [BIN, 'tokens', 'create', '--name', 'crm', '--role', 'system'],
      { env, encoding: 'utf8' },
    );
    token = /secret: (\S+)/.exec(created.stdout)![1]!;
    port = await freePort();
    server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
      env,
      stdio: 'ignore',
    });
    for (let i = 0; i < 200; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('hogo serve did not start');
  }, 60_000);

  afterAll(async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the server small and /health fast, and still serves a token', async () => {
    const end = Date.now() + FLOOD_MS;
    // The flooding clients run on a thread of their own: sending 300 bodies of 1.6 MB at once
    // would otherwise hold this thread's event loop, and the /health times measured below
    // would be the test's own waiting, not the server's.
    const flood = new Promise<Map<number, number>>((done, fail) => {
      const worker = new Worker(FLOOD_WORKER, {
        eval: true,
        workerData: { port, clients: CLIENTS, end, body: BATCH },
      });
      worker.once('message', (counts: [number, number][]) => done(new Map(counts)));
      worker.once('error', fail);
    });
    const health: number[] = [];
    let peakRss = 0;
    const tokenStatuses: number[] = [];
    const probe = (async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        await res.text();
        health.push(performance.now() - started);
        peakRss = Math.max(peakRss, rssMb(server.pid!));
        if (health.length % 20 === 0)
          tokenStatuses.push(await post(port, '127.0.0.1', JSON.stringify(buildRequest()), token));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const [statuses] = await Promise.all([flood, probe]);
    health.sort((a, b) => a - b);
    const p99 = health[Math.floor(health.length * 0.99)]!;
    console.log(
      `flood: ${CLIENTS} clients for ${FLOOD_MS} ms; answers ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `server peak RSS ${peakRss.toFixed(0)} MB (limit ${RSS_LIMIT_MB}); /health p50 ${health[Math.floor(health.length / 2)]!.toFixed(1)} ms, ` +
        `p99 ${p99.toFixed(1)} ms (limit ${HEALTH_P99_MS}) over ${health.length}; token calls ${JSON.stringify(tokenStatuses)}`,
    );
    expect(statuses.get(429) ?? 0).toBeGreaterThan(0);
    expect(peakRss).toBeLessThan(RSS_LIMIT_MB);
    expect(p99).toBeLessThan(HEALTH_P99_MS);
    expect(tokenStatuses.length).toBeGreaterThan(0);
    expect(tokenStatuses.every((s) => s === 200)).toBe(true);
  }, 60_000);
});
