import { Agent, request } from 'node:http';

/** How a load run went. */
export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly failures: number;
}

/** Options of `load`: a bounded run on loopback. */
export interface LoadOptions {
  readonly port: number;
  readonly path: string;
  readonly body: string;
  readonly connections: number;
  readonly seconds: number;
  /** Stops at this many requests even if time is left. */
  readonly maxRequests: number;
}

/**
 * POSTs `body` to 127.0.0.1 over `connections` keep-alive connections, each sending its next
 * request when the last answer is read (as autocannon does), until the time or count is spent.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(options.body),
  };
  const end = performance.now() + options.seconds * 1000;
  let requests = 0;
  let failures = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: options.port,
          path: options.path,
          method: 'POST',
          agent,
          headers,
        },
        (res) => {
          if (res.statusCode !== 200) failures++;
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < end && requests < options.maxRequests) {
        requests++;
        await one();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests, seconds, failures };
}
