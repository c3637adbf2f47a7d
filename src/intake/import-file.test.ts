import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../app/app-context.ts';
import { deleteCustomer, listCustomers, readCustomer } from '../registry/index.ts';
import { buildPrincipal, openRegistryContext } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { openBadRowReport } from './bad-row-report.ts';
import { cliPrincipal } from '../cli/cli-principal.ts';
import { importFile, type ImportOptions } from './import-file.ts';
import { buildRow, csvText, tempDir, tempFile } from './test-support.ts';

const importer = cliPrincipal('test');
const officer = buildPrincipal({ role: 'privacyOfficer' });

async function externalIds(ctx: AppContext): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCustomers(ctx, officer, { limit: 500, ...(cursor ? { cursor } : {}) });
    ids.push(...page.customers.map((c) => c.externalId!));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ids.sort();
}

const run = (ctx: AppContext, path: string, options: Partial<ImportOptions> = {}) =>
  importFile(ctx, importer, { path, format: 'csv', ...options });

describe.each(ENGINES)('importFile on $name', (engine) => {
  it('keeps the good rows and reports each bad one by line, field and reason, never the value', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const text =
        csvText([
          buildRow({ externalId: 'C1', address: '東京都千代田区\r\n丸の内1-1, 2F' }),
          buildRow({ externalId: 'C2', email: 'not-an-email', phone: '12' }),
          buildRow({ externalId: 'C3', channel: 'pigeon' }),
        ]) +
        'C4,REG,"山田"x\r\n' + // bad quoting on line 7
        csvText([buildRow({ externalId: 'C5', source: 'indirect' })]).split('\r\n')[1] +
        '\r\n';
      const file = tempFile('customers.csv', text);
      const reportPath = join(tempDir(), 'report.ndjson');
      const summary = await run(ctx, file, {
        report: (resuming) => openBadRowReport(reportPath, resuming),
      });
      expect(summary).toMatchObject({ imported: 1, skipped: 0, bad: 4, batches: 1 });
      expect(await externalIds(ctx)).toEqual(['C1']);
      const report = readFileSync(reportPath, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { line: number; field: string; reason: string });
      expect(report.map((r) => [r.line, r.field])).toEqual([
        [4, 'email'],
        [4, 'phone'],
        [5, 'channel'],
        [6, 'row'],
        [7, 'provider'],
      ]);
      expect(report[0]!.reason).toMatch(/must be an e-mail address/);
      expect(report[3]!.reason).toMatch(/bad quoting/);
      const raw = readFileSync(reportPath, 'utf8');
      for (const value of ['not-an-email', 'pigeon', '山田']) expect(raw).not.toContain(value);
    } finally {
      await ctx.close();
    }
  });

  it('turns each populated personal column into an item with the row’s provenance and service', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const file = tempFile('one.csv', csvText([buildRow({ gender: '' })]));
      await run(ctx, file);
      const [summary] = (await listCustomers(ctx, officer)).customers;
      const customer = await readCustomer(ctx, officer, {
        customerId: summary!.id,
        purpose: 'PURPOSE.REG.1a',
      });
      expect(customer.services).toEqual([
        expect.objectContaining({ name: 'ocn-hikari', transferredFromDocomo: true }),
      ]);
      const service = customer.services[0]!.id;
      expect(customer.items.map((i) => `${i.category}: ${i.value}`).sort()).toEqual([
        'address: 〒100-0001 東京都千代田区千代田1-1',
        'birthDate: 1980-04-01',
        'email: taro.yamada@example.jp',
        'name: ヤマダ タロウ',
        'name: 山田 太郎',
        'phone: +819012345678',
      ]);
      for (const item of customer.items) {
        expect(item).toMatchObject({ channel: 'writing', source: 'direct', serviceId: service });
        expect(Date.parse(item.acquiredAt)).toBe(Date.parse('2023-05-01T10:00:00+09:00'));
      }
    } finally {
      await ctx.close();
    }
  });

  it('skips customers already registered when the file is imported again', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const rows = ['A', 'B', 'C', 'D', 'E'].map((id) => buildRow({ externalId: id }));
      const file = tempFile('five.csv', csvText(rows));
      expect(await run(ctx, file, { batchSize: 2 })).toMatchObject({ imported: 5, batches: 3 });
      const more = tempFile('six.csv', csvText([...rows, buildRow({ externalId: 'F' })]));
      expect(await run(ctx, more, { batchSize: 2 })).toMatchObject({ imported: 1, skipped: 5 });
      expect(await run(ctx, file)).toMatchObject({ imported: 0, skipped: 5, resumedAtLine: null });
      expect(await externalIds(ctx)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
      // An erased customer is not brought back by a file that still lists them.
      const [first] = (await listCustomers(ctx, officer, { externalId: 'A' })).customers;
      await deleteCustomer(ctx, officer, { customerId: first!.id });
      expect(await run(ctx, tempFile('again.csv', csvText(rows)))).toMatchObject({
        imported: 0,
        skipped: 5,
      });
    } finally {
      await ctx.close();
    }
  });

  it('writes one import.batch audit entry per batch, with counts only', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const rows = [1, 2, 3].map((n) => buildRow({ externalId: `N${n}` }));
      rows.push(buildRow({ externalId: 'N4', email: 'bad' }));
      await run(ctx, tempFile('four.csv', csvText(rows)), { batchSize: 3 });
      const entries = (await ctx.audit.list({ limit: 100 })).filter(
        (e) => e.action === 'import.batch',
      );
      expect(entries.map((e) => e.detail)).toEqual([
        { batch: 2, rows: 1, bad: 1, fromLine: 5, toLine: 5, imported: 0, skipped: 0 },
        { batch: 1, rows: 3, bad: 0, fromLine: 2, toLine: 4, imported: 3, skipped: 0 },
      ]);
      expect(await ctx.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await ctx.close();
    }
  });

  it('audits each batch’s customers in one registry.batchCreate entry naming every one', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const rows = [1, 2, 3].map((n) => buildRow({ externalId: `M${n}` }));
      await run(ctx, tempFile('three.csv', csvText(rows)), { batchSize: 2 });
      const entries = (await ctx.audit.list({ limit: 100 })).filter(
        (e) => e.action === 'registry.batchCreate',
      );
      const ids = (await ctx.store.db.selectFrom('customers').select('id').execute()) as {
        id: string;
      }[];
      const named = entries.flatMap((e) => e.detail?.['customerIds'] as string[]);
      expect(named.sort()).toEqual(ids.map((r) => r.id).sort());
      expect(entries.map((e) => e.detail?.['customers'])).toEqual([1, 2]);
      expect(entries.every((e) => e.detail?.['action'] === 'customer.import')).toBe(true);
      expect(JSON.stringify(entries)).not.toContain('example.jp');
      expect(await ctx.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await ctx.close();
    }
  });

  it('reads NDJSON, reporting lines that are not objects of the import columns', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const lines = [
        JSON.stringify(buildRow({ externalId: 'J1', transferredFromDocomo: '' })),
        '{"externalId": "J2", ',
        '',
        JSON.stringify({ ...buildRow({ externalId: 'J3' }), transferredFromDocomo: false }),
        JSON.stringify({ externalId: 'J4', group: 'REG', favouriteColour: 'blue' }),
        '[1]',
      ];
      const reportPath = join(tempDir(), 'report.csv');
      const summary = await importFile(ctx, importer, {
        path: tempFile('c.ndjson', lines.join('\n')),
        format: 'ndjson',
        report: (resuming) => openBadRowReport(reportPath, resuming),
      });
      expect(summary).toMatchObject({ imported: 2, bad: 3 });
      expect(readFileSync(reportPath, 'utf8').split('\r\n').slice(0, 4)).toEqual([
        'line,field,reason',
        '2,row,is not valid JSON',
        '5,row,has a key that is not a column of the import format',
        '6,row,must be a JSON object',
      ]);
    } finally {
      await ctx.close();
    }
  });
});

describe('importFile refusing a file it cannot read', () => {
  const engine = ENGINES[0]!;

  it('refuses Shift_JIS input naming the line, before writing anything', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const head = Buffer.from(csvText([buildRow({ externalId: 'S1' })]));
      // 山田 in Shift_JIS on line 3.
      const sjis = Buffer.concat([
        head,
        Buffer.from('S2,REG,'),
        Buffer.from([0x8e, 0x52, 0x93, 0x63]),
      ]);
      await expect(run(ctx, tempFile('sjis.csv', sjis))).rejects.toMatchObject({
        code: 'intake.encoding',
        message: expect.stringMatching(/^line 3 is not valid UTF-8/),
      });
      expect(await externalIds(ctx)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('refuses a header without the required columns, or with unknown ones, without echoing them', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      await expect(
        run(ctx, tempFile('a.csv', 'externalId,name\r\nC1,x\r\n')),
      ).rejects.toMatchObject({
        code: 'intake.invalid_header',
        message: expect.stringContaining('lacks the required column(s) group'),
      });
      const headerless = 'C1,REG,山田 太郎\r\n';
      const error = await run(ctx, tempFile('b.csv', headerless)).catch((e: Error) => e);
      expect(error).toMatchObject({ code: 'intake.invalid_header' });
      expect((error as Error).message).toContain('position 1, 2, 3');
      expect((error as Error).message).not.toContain('山田');
      await expect(run(ctx, tempFile('c.csv', ''))).rejects.toMatchObject({
        code: 'intake.invalid_header',
      });
      await expect(run(ctx, join(tempDir(), 'missing.csv'))).rejects.toMatchObject({
        code: 'intake.unreadable',
      });
    } finally {
      await ctx.close();
    }
  });

  it('reports a 10 MB field as a too-large row and imports the rest', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const text = csvText([
        buildRow({ externalId: 'L1', address: 'x'.repeat(10 * 1024 * 1024) }),
        buildRow({ externalId: 'L2' }),
      ]);
      const summary = await run(ctx, tempFile('large.csv', text));
      expect(summary).toMatchObject({ imported: 1, bad: 1 });
      expect(await externalIds(ctx)).toEqual(['L2']);
    } finally {
      await ctx.close();
    }
  });

  it('reports a row with an unterminated quote at the end of the file', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const text = `${csvText([buildRow({ externalId: 'Q1' })])}Q2,REG,"open\r\n`;
      const lines: number[] = [];
      const summary = await run(ctx, tempFile('quote.csv', text), {
        report: async () => ({
          write: async (rows) => void lines.push(...rows.map((r) => r.line)),
        }),
      });
      expect(summary).toMatchObject({ imported: 1, bad: 1 });
      expect(lines).toEqual([3]);
    } finally {
      await ctx.close();
    }
  });

  it('names by line the valid rows an unclosed quote swallowed', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const after = csvText([buildRow({ externalId: 'S1' }), buildRow({ externalId: 'S2' })])
        .split('\r\n')
        .slice(1)
        .join('\r\n');
      const text = `${csvText([buildRow({ externalId: 'Q1' })])}Q2,REG,"open\r\n${after}`;
      const reported: { line: number; reason: string }[] = [];
      const summary = await run(ctx, tempFile('swallowed.csv', text), {
        report: async () => ({
          write: async (rows) =>
            void reported.push(
              ...rows.map((r) => ({ line: r.line, reason: r.problems[0]!.reason })),
            ),
        }),
      });
      expect(summary).toMatchObject({ imported: 1, bad: 3 });
      expect(reported.map((r) => r.line)).toEqual([3, 4, 5]);
      expect(reported[0]!.reason).toContain('not closed before the end of the file (line 5)');
      expect(reported[1]!.reason).toContain('inside the quoted field left open on line 3');
      expect(await externalIds(ctx)).toEqual(['Q1']);
    } finally {
      await ctx.close();
    }
  });
});
