import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../security/test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

describe('hogo incidents record|show|report|notify and hogo violations', () => {
  const env = { PATH: process.env.PATH ?? '', HOGO_DATA_DIR: tempDir() };
  const hogo = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const json = (...args: string[]) => {
    const r = hogo(...args, '--json');
    expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 0, '']);
    return JSON.parse(r.stdout);
  };

  it('records an incident of the demo customers, files its preliminary report and tells them once', () => {
    expect(hogo('db', 'migrate').code).toBe(0);
    expect(hogo('demo', 'seed', '--customers', '20').code).toBe(0);
    const incident = json('incidents', 'record', '--known', '2026-11-02', '--sensitive');
    expect(incident).toMatchObject({ persons: 20, duties: { reportable: true } });
    const shown = hogo('incidents', 'show', incident.id);
    expect(shown.stdout).toContain('2026-11-04  PPC preliminary report  open');
    expect(shown.stdout).toContain('2026-12-01  PPC final report  open');
    expect(json('incidents', 'report', incident.id)).toMatchObject({ nextStage: 'preliminary' });
    expect(json('incidents', 'report', incident.id, '--stage', 'preliminary')).toMatchObject({
      version: 1,
    });
    const final = hogo('incidents', 'report', incident.id, '--stage', 'later');
    expect(final.code).toBe(2);
    expect(final.stderr).toContain('--stage must be one of preliminary, final');
    const told = json('incidents', 'notify', incident.id, '--lang', 'en');
    expect(told).toMatchObject({ selected: 20, alreadyNotified: 0, erased: 0 });
    expect(told.queued + told.noAddress).toBe(20);
    expect(json('incidents', 'notify', incident.id)).toMatchObject({
      queued: 0,
      alreadyNotified: told.queued,
    });

    const v = json(
      'violations',
      'report',
      '--anonymous',
      '--summary',
      'Customer files left unlocked overnight.',
    );
    expect(v).toMatchObject({ anonymous: true, status: 'open' });
    expect(json('violations', 'triage', v.id, '--incident', incident.id)).toMatchObject({
      status: 'incident',
      incidentId: incident.id,
    });
    expect(json('violations', 'list').violations).toHaveLength(1);
  }, 300_000);
});
