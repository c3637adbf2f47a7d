import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICY_PATH } from '../policy/bundled-policy-path.ts';
import { buildRequest } from '../policy/test-support.ts';

const bin = fileURLToPath(new URL('../../bin/hogo.js', import.meta.url));

function hogo(args: string[], input = '') {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hogo decide', () => {
  it('answers decision-format.md’s example as documented', () => {
    const spec = readFileSync(new URL('../../spec/decision-format.md', import.meta.url), 'utf8');
    const jsonc = /## Request\n```jsonc\n([\s\S]*?)```/.exec(spec)![1]!;
    const json = jsonc.replace(/\/\/.*$/gm, '');
    const r = hogo(['decide'], json);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(result).toMatchObject({ decision: 'permit', policyVersion: '2025-02-03' });
    expect(result.clauses.slice(0, 2)).toEqual(['PURPOSE.REG.7', 'SP.2022.TRANSITIONAL']);
    expect(result.reason).toEqual({ en: expect.any(String), ja: expect.any(String) });
  });

  it('reads one object per line, answers each in order, and exits 2 when one was malformed', () => {
    const input = [
      JSON.stringify(buildRequest()),
      '{not json',
      JSON.stringify(buildRequest({ item: { category: 'myNumber' } })),
      JSON.stringify({ purpose: 'PURPOSE.REG.1b' }),
    ].join('\n');
    const r = hogo(['decide'], input);
    expect(r.code).toBe(2);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.decision ?? o.error.code)).toEqual([
      'permit',
      'request.invalid_json',
      'deny',
      'request.missing_field',
    ]);
    expect(out[1].error.message).toContain('line 2');
    expect(r.stderr).toContain('2 malformed');
  });

  it('reads a JSON array', () => {
    const r = hogo(
      ['decide'],
      JSON.stringify([buildRequest(), buildRequest({ purpose: 'PURPOSE.OTH.1' })]),
    );
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });
});

describe('hogo policy', () => {
  it('check passes the bundled policy', () => {
    const r = hogo(['policy', 'check', BUNDLED_POLICY_PATH]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(': ok');
  });

  it('check fails a copy with a duplicated clause ID, naming file and line', () => {
    const lines = readFileSync(BUNDLED_POLICY_PATH, 'utf8').split('\n');
    const index = lines.findIndex((l) => /^\s*- id: PROVIDE\.CLAIMS\s*$/.test(l));
    lines[index] = lines[index]!.replace('PROVIDE.CLAIMS', 'PROVIDE.FAMILY');
    const file = join(mkdtempSync(join(tmpdir(), 'hogo-')), 'policy.yaml');
    writeFileSync(file, lines.join('\n'));
    const r = hogo(['policy', 'check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `${file}:${index + 1}:\\d+ \\[PROVIDE\\.FAMILY\\] duplicate clause ID PROVIDE\\.FAMILY`,
      ),
    );
  });

  it('diff lists the transitional purposes added on 2022-07-01', () => {
    const r = hogo(['policy', 'diff', '--from', '2022-06-30', '--to', '2022-07-01']);
    expect(r.code).toBe(0);
    for (const id of ['PURPOSE.REG.6', 'PURPOSE.REG.7', 'PURPOSE.OTH.5', 'PURPOSE.OTH.6']) {
      expect(r.stdout).toContain(id);
    }
  });

  it('show --at prints the policy in force as JSON', () => {
    const r = hogo(['policy', 'show', '--at', '2023-05-01']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).version.id).toBe('2023-04-01');
  });

  it('render --lang ja --format md prints the Japanese page', () => {
    const r = hogo(['policy', 'render', '--lang', 'ja', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('プライバシーポリシー');
  });

  it('refuses a bad option value with a clear message and exit 2', () => {
    const r = hogo(['policy', 'render', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--lang must be one of en, ja, got 'fr'");
  });
});

describe('a closed pipe', () => {
  it('ends the command quietly with status 0 (hogo policy render | true)', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" policy render | true; echo "status \${PIPESTATUS[0]}"`,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stdout.trim()).toBe('status 0');
    expect(r.stderr).not.toMatch(/EPIPE/);
  });
});
