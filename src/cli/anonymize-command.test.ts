import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'hogo-anonymize-'));
const rows = Array.from(
  { length: 40 },
  (_, i) => `C${i},Name${i},${20 + (i % 20)},${i % 2 ? '1000001' : '1500001'}`,
);
writeFileSync(join(dir, 'people.csv'), ['customer,name,age,postal', ...rows].join('\n') + '\n');
const config = (k: number) => `name: people
source: { csv: people.csv }
attributes:
  - { name: customer, role: linking-code }
  - { name: name, role: identifier }
  - { name: age, role: quasi-identifier, hierarchy: { builtin: age } }
  - { name: postal, role: quasi-identifier, hierarchy: { builtin: postal-code } }
privacy: { k: ${k} }
`;

describe('hogo anonymize', () => {
  it('writes the data set and the report, and prints the table', async () => {
    writeFileSync(join(dir, 'ok.yaml'), config(4));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await main([
      'anonymize',
      '--config',
      join(dir, 'ok.yaml'),
      '--out',
      join(dir, 'ok.csv'),
      '--report',
      join(dir, 'ok.json'),
    ]);
    const printed = out.mock.calls.map((c) => String(c[0])).join('');
    out.mockRestore();
    expect(code).toBe(0);
    const csv = readFileSync(join(dir, 'ok.csv'), 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('customer,age,postal');
    expect(csv).toHaveLength(41);
    const fields = new Set(csv.slice(1).flatMap((l) => l.split(',')));
    for (let i = 0; i < 40; i++) {
      expect(fields.has(`C${i}`)).toBe(false);
      expect(fields.has(`Name${i}`)).toBe(false);
    }
    const report = JSON.parse(readFileSync(join(dir, 'ok.json'), 'utf8'));
    expect(report.metrics.smallestClass).toBeGreaterThanOrEqual(4);
    expect(printed).toMatch(/PPC Rule 34\(3\) +linking codes replaced by random tokens: customer/);
  });

  it('names the file, line and field when k is larger than the table, and writes nothing', async () => {
    writeFileSync(join(dir, 'big.yaml'), config(100));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await main([
      'anonymize',
      '--config',
      join(dir, 'big.yaml'),
      '--out',
      join(dir, 'big.csv'),
    ]);
    const printed = err.mock.calls.map((c) => String(c[0])).join('');
    err.mockRestore();
    expect(code).toBe(2);
    expect(printed).toContain(`${join(dir, 'big.yaml')}:8:`);
    expect(printed).toContain('privacy.k: k = 100 is larger than the table (40 rows)');
    expect(existsSync(join(dir, 'big.csv'))).toBe(false);
  });
});
