import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../web/e2e/web-build.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { buildApp } from './build-app.ts';
import { PAGE_CSP } from './security-headers.ts';
import { WEB_DIST } from './web-routes.ts';

const app = await buildApp({ policy: bundledPolicy(), logLevel: false, trustProxy: '127.0.0.1' });

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('security headers', () => {
  it('every page and API answer, errors and 404s included, carries them', async () => {
    const answers = [
      await get('/'),
      await get('/console/'),
      await get('/health'),
      await get('/no/such/route'),
      await app.inject({
        method: 'POST',
        url: '/v1/decide',
        headers: { 'content-type': 'application/json' },
        payload: '{bad',
      }),
    ];
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 404, 400]);
  });

  it('the pages may be framed by nobody, and run scripts only from hogo itself', () => {
    expect(PAGE_CSP).toContain("frame-ancestors 'none'");
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP).not.toContain('unsafe');
  });

  it('HSTS only when the request came over TLS (here through the trusted proxy)', async () => {
    const res = await get('/health', { 'x-forwarded-proto': 'https' });
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
  });

  it('the policy text runs no script, and only its embedded form may be framed, by hogo', async () => {
    const plain = await get('/policy');
    expect(plain.headers['content-security-policy']).toContain("default-src 'none'");
    expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const embedded = await get('/policy?embed=true');
    expect(embedded.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(embedded.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(embedded.headers['content-security-policy']).not.toContain('script');
  });

  it('the Vite build emits no inline script (the CSP would block it)', async () => {
    await ensureWebBuild();
    const pages = ['index.html', join('console', 'index.html')];
    expect(readdirSync(WEB_DIST)).toContain('index.html');
    for (const page of pages) {
      const html = readFileSync(join(WEB_DIST, page), 'utf8');
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toMatch(/\ssrc="\/assets\//);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/<style\b|\sstyle=/i);
    }
  });
});
