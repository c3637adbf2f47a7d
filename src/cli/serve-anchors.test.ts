import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.ts';
import { tempDir } from '../security/test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

describe('audit anchors written by hogo serve (HOGO_AUDIT_ANCHORS)', () => {
  it('reads the file and the period from the environment, refusing what makes no sense', () => {
    expect(loadConfig({}).auditAnchors).toEqual({
      file: join('data', 'audit-anchors.ndjson'),
      everyHours: 24,
    });
    expect(loadConfig({ HOGO_DATA_DIR: '/srv/hogo' }).auditAnchors?.file).toBe(
      '/srv/hogo/audit-anchors.ndjson',
    );
    expect(loadConfig({ HOGO_AUDIT_ANCHORS: 'off' }).auditAnchors).toBeUndefined();
    expect(loadConfig({ HOGO_AUDIT_ANCHORS: '/srv/anchors' }).auditAnchors).toEqual({
      file: '/srv/anchors',
      everyHours: 24,
    });
    expect(
      loadConfig({ HOGO_AUDIT_ANCHORS: 'a', HOGO_AUDIT_ANCHOR_HOURS: '0.5' }).auditAnchors,
    ).toEqual({ file: 'a', everyHours: 0.5 });
    expect(() => loadConfig({ HOGO_AUDIT_ANCHORS: 'off', HOGO_AUDIT_ANCHOR_HOURS: '6' })).toThrow(
      /needs anchoring on/,
    );
    for (const bad of ['0', '-1', 'daily', '1000'])
      expect(() => loadConfig({ HOGO_AUDIT_ANCHORS: 'a', HOGO_AUDIT_ANCHOR_HOURS: bad })).toThrow(
        /HOGO_AUDIT_ANCHOR_HOURS/,
      );
  });

  it('anchors on start and on stop, in a file only its owner reads, and the anchors verify', async () => {
    const dir = tempDir();
    const file = join(dir, 'anchors.ndjson');
    const env = {
      PATH: process.env.PATH ?? '',
      HOGO_DATA_DIR: dir,
      HOGO_DATABASE_URL: '',
      HOGO_AUDIT_ANCHORS: file,
      HOGO_LOG_LEVEL: 'silent',
    };
    const server = spawn(process.execPath, [bin, 'serve', '--port', '0'], { env });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('audit anchors:')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    expect(out).toContain(`audit anchors: ${file} (every 24 h and on stop`);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({
      seq: expect.any(Number),
      mac: expect.any(String),
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const verify = spawnSync(process.execPath, [bin, 'audit', 'verify', '--anchors', file], {
      env,
      encoding: 'utf8',
    });
    expect(verify.stdout).toMatch(/^audit: ok, \d+ entries, 2 anchors hold\n$/);
    const bare = spawnSync(process.execPath, [bin, 'audit', 'verify'], { env, encoding: 'utf8' });
    expect(bare.stdout).toMatch(/checked without anchors/);
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '\n');
    const refused = spawnSync(process.execPath, [bin, 'audit', 'verify', '--anchors', empty], {
      env,
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${empty}: holds no anchor`);
  }, 120_000);

  it('anchors by default to a file beside the data, and warns at every start while off', async () => {
    const dir = tempDir();
    const base = {
      PATH: process.env.PATH ?? '',
      HOGO_DATA_DIR: dir,
      HOGO_DATABASE_URL: '',
      HOGO_LOG_LEVEL: 'silent',
    };
    const started = async (env: Record<string, string>) => {
      const server = spawn(process.execPath, [bin, 'serve', '--port', '0'], { env });
      let out = '';
      let err = '';
      server.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (/audit anchors:|API:/.test(out) && out.includes('\n', out.indexOf('API:'))) resolve();
        });
        server.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}${err}`)));
      });
      await new Promise((r) => setTimeout(r, 300));
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      return { out, err };
    };
    const on = await started(base);
    expect(on.out).toContain(`audit anchors: ${join(dir, 'audit-anchors.ndjson')}`);
    expect(readFileSync(join(dir, 'audit-anchors.ndjson'), 'utf8').trim().split('\n')).toHaveLength(
      2,
    );
    expect(on.err).not.toContain('anchoring is off');
    const off = await started({ ...base, HOGO_AUDIT_ANCHORS: 'off' });
    expect(off.out).not.toContain('audit anchors:');
    expect(off.err).toContain('WARNING audit anchoring is off');
  }, 120_000);
});
