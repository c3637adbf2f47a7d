import { describe, expect, it } from 'vitest';
import { bundledPolicy, buildRequest } from '../policy/test-support.ts';
import { buildApp } from './build-app.ts';

const app = await buildApp({ policy: bundledPolicy(), logLevel: false });
const post = (url: string, payload: string) =>
  app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

describe('a body with a prototype key', () => {
  it('is refused naming the key, on any route and on the decision', async () => {
    for (const url of ['/v1/session', '/v1/decide']) {
      const res = await post(url, '{"name":"a","__proto__":{"admin":true}}');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'request.forbidden_key', field: '__proto__' });
      expect(res.json().error.message).toContain("'__proto__'");
    }
    const ctor = await post('/v1/session', '{"a":{"constructor":{"prototype":{"x":1}}}}');
    expect(ctor.json().error).toMatchObject({
      code: 'request.forbidden_key',
      field: 'constructor',
    });
  });

  it('leaves other bodies as they were: invalid JSON is still invalid JSON, a harmless name passes', async () => {
    expect((await post('/v1/session', '{bad')).json().error.code).toBe('request.invalid_json');
    const named = await post('/v1/decide', JSON.stringify({ ...buildRequest(), constructor: 'x' }));
    expect(named.json().error?.code).not.toBe('request.forbidden_key');
    expect((await post('/v1/decide', JSON.stringify(buildRequest()))).statusCode).toBe(200);
  });
});
