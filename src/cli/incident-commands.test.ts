import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

function hogo(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hogo incidents duties', () => {
  it('prints what the law requires for a wrongful act known on 2026-11-02, as JSON', () => {
    const r = hogo([
      'incidents',
      'duties',
      '--known',
      '2026-11-02',
      '--persons',
      '5',
      '--wrongful',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      reportable: true,
      clauses: ['BREACH.WRONGFUL', 'BREACH.PRELIMINARY', 'BREACH.FINAL', 'BREACH.NOTICE'],
      preliminaryDue: '2026-11-04',
      finalDue: '2027-01-04',
    });
  });

  it('answers not reportable for encrypted sensitive data, citing the exemption', () => {
    const r = hogo([
      'incidents',
      'duties',
      '--known',
      '2026-11-02',
      '--persons',
      '1',
      '--sensitive',
      '--encrypted',
      '--json',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      reportable: false,
      clauses: ['BREACH.SENSITIVE', 'BREACH.ENCRYPTED'],
      preliminaryDue: null,
      finalDue: null,
    });
  });

  it('refuses a bad date with exit 2, naming the option', () => {
    const r = hogo(['incidents', 'duties', '--known', '2026-13-02', '--persons', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--known: 2026-13-02 is not a date');
  });
});
