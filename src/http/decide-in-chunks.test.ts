import { describe, expect, it } from 'vitest';
import { decideBatch } from '../policy/index.ts';
import { bundledPolicy, buildRequest } from '../policy/test-support.ts';
import { buildApp } from './build-app.ts';
import { DECIDE_CHUNK } from './decide-in-chunks.ts';
import { topLevelSlices } from './top-level-slices.ts';

const policy = bundledPolicy();
const app = await buildApp({ policy, logLevel: false });

describe('a large batch decided run by run', () => {
  it('cuts an array body into runs at top-level commas only', () => {
    const text = ' [ {"a":"x,]"} , [1,2] ,3, "s\\",t" ] ';
    expect(topLevelSlices(text, 2)!.map((s) => JSON.parse(s) as unknown)).toEqual([
      [{ a: 'x,]' }, [1, 2]],
      [3, 's",t'],
    ]);
    expect(topLevelSlices('[]', 2)).toEqual([]);
    expect(topLevelSlices('{"a":1}', 2)).toBeNull();
    expect(topLevelSlices('[1,2] x', 2)).toBeNull();
    expect(topLevelSlices('[1,2', 2)).toBeNull();
  });

  it('answers a batch of many runs exactly as one decideBatch would, in order', async () => {
    const requests = Array.from({ length: DECIDE_CHUNK * 2 + 7 }, (_, i) =>
      i % 3 === 0
        ? buildRequest({ purpose: 'PURPOSE.REG.7' })
        : i === 1001
          ? { bad: 1 }
          : buildRequest(),
    );
    const res = await app.inject({ method: 'POST', url: '/v1/decide', payload: requests });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const answers = res.json() as unknown[];
    expect(answers).toHaveLength(requests.length);
    expect(answers).toEqual(JSON.parse(JSON.stringify(decideBatch(policy, requests))));
  });

  it('yields to the event loop between runs while parsing and deciding a full batch', async () => {
    const batch = Array.from({ length: 10_000 }, () => buildRequest());
    // Turns of the event loop taken while the batch is answered: one synchronous step would
    // leave none between parsing and answering; run by run leaves one after each run.
    let turns = 0;
    let running = true;
    const spin = () => {
      if (!running) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const res = await app.inject({ method: 'POST', url: '/v1/decide', payload: batch });
    running = false;
    expect(res.statusCode).toBe(200);
    expect(turns).toBeGreaterThanOrEqual((2 * 10_000) / DECIDE_CHUNK - 2);
  });

  it('refuses a forbidden key in a later run as the parser does in one piece', async () => {
    const parts = Array.from({ length: DECIDE_CHUNK + 10 }, () => JSON.stringify(buildRequest()));
    parts[DECIDE_CHUNK + 5] = '{"__proto__":{"x":1}}';
    const res = await app.inject({
      method: 'POST',
      url: '/v1/decide',
      headers: { 'content-type': 'application/json' },
      payload: `[${parts.join(',')}]`,
    });
    expect(res.statusCode).toBe(400);
    const malformed = await app.inject({
      method: 'POST',
      url: '/v1/decide',
      headers: { 'content-type': 'application/json' },
      payload: `[${parts.slice(0, DECIDE_CHUNK + 2).join(',')},{"a":]`,
    });
    expect(malformed.statusCode).toBe(400);
  });
});
