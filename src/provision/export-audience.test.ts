import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCustomer,
  DOCOMO_TRANSFER_ORIGIN,
  recordOptOut,
  recordSuspension,
} from '../registry/index.ts';
import { buildCustomer, buildItem, buildPrincipal } from '../registry/test-support.ts';
import { tempDir } from '../security/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { GOOGLE_CSV_HEADER } from './ads/google-csv-writer.ts';
import { META_SCHEMA } from './ads/meta-batch-writer.ts';
import { sha256Hex } from './ads/sha256-hex.ts';
import { exportAudience } from './export-audience.ts';
import { provisionRecordsFor } from './provision-records-for.ts';
import { purgeAdExports } from './purge-ad-exports.ts';
import { readAdExport } from './read-ad-export.ts';
import { buildOfficer, openProvisionContext } from './test-support.ts';
import { approvedExport } from '../governance/test-support.ts';

const DAY = 86_400_000;

/** A customer whose items were obtained under a mobile service, from DOCOMO or not. */
const underService = (fromDocomo: boolean, email: string) =>
  buildCustomer({
    services: [
      {
        name: 'mobile',
        startedAt: '2023-01-01T00:00:00+09:00',
        ...(fromDocomo ? { origin: DOCOMO_TRANSFER_ORIGIN } : {}),
      },
    ],
    items: [buildItem({ service: 'mobile', value: email })],
  });

describe.each(ENGINES)('exportAudience on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openProvisionContext>>;
  let dir: string;
  const officer = buildOfficer();
  const ids: Record<string, string> = {};
  beforeEach(async () => {
    ctx = await openProvisionContext(engine);
    dir = tempDir();
    ids.plain = (await createCustomer(ctx, officer, buildCustomer())).id;
    ids.optedOut = (await createCustomer(ctx, officer, buildCustomer())).id;
    ids.suspended = (await createCustomer(ctx, officer, buildCustomer())).id;
    ids.notDocomo = (await createCustomer(ctx, officer, underService(false, 'x@example.jp'))).id;
    ids.docomo = (await createCustomer(ctx, officer, underService(true, 'y@example.jp'))).id;
    await recordOptOut(ctx, officer, {
      customerId: ids.optedOut,
      optOut: { at: '2025-01-01T00:00:00+09:00' },
    });
    await recordSuspension(ctx, officer, {
      customerId: ids.suspended,
      suspension: { kind: 'provision', from: '2025-01-01T00:00:00+09:00' },
    });
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('refuses a principal whose purpose scope does not cover both groups’ ad purposes', async () => {
    const narrow = {
      ...officer,
      scope: { categories: 'all' as const, purposes: new Set(['PURPOSE.REG.5']) },
    };
    const out = join(dir, 'scoped.csv');
    await expect(
      exportAudience(ctx, narrow, {
        approvalId: await approvedExport(ctx, 'adExport', 'google'),
        platform: 'google',
        out,
      }),
    ).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    expect(existsSync(out)).toBe(false);
    const both = {
      ...officer,
      scope: { categories: 'all' as const, purposes: new Set(['PURPOSE.REG.5', 'PURPOSE.OTH.4']) },
    };
    const receipt = await exportAudience(ctx, both, {
      approvalId: await approvedExport(ctx, 'adExport', 'google'),
      platform: 'google',
      out,
    });
    expect(receipt.customers.included).toBe(3);
  });

  it('reaches only the customers of the groups the principal’s scope names (SECURITY.6)', async () => {
    await createCustomer(
      ctx,
      officer,
      buildCustomer({ group: 'OTH', items: [buildItem({ value: 'oth.only@example.jp' })] }),
    );
    const othOnly = {
      ...officer,
      scope: { categories: 'all' as const, purposes: 'all' as const, groups: new Set(['OTH']) },
    };
    const receipt = await exportAudience(ctx, othOnly, {
      approvalId: await approvedExport(ctx, 'adExport', 'google'),
      platform: 'google',
      out: join(dir, 'o.csv'),
    });
    expect(receipt.customers.considered).toBe(1);
    const everyone = await exportAudience(ctx, officer, {
      approvalId: await approvedExport(ctx, 'adExport', 'google'),
      platform: 'google',
      out: join(dir, 'a.csv'),
    });
    expect(everyone.customers.considered).toBe(6);
  });

  it('exports hashed values in Google’s CSV, never the opted-out or suspended, and records each customer', async () => {
    const out = join(dir, 'google.csv');
    const receipt = await exportAudience(ctx, officer, {
      approvalId: await approvedExport(ctx, 'adExport', 'google'),
      platform: 'google',
      out,
      chunkSize: 2,
    });
    expect(receipt.customers).toEqual({
      considered: 5,
      included: 3,
      excluded: {
        opted_out: 1,
        suspended: 1,
        transitional: 0,
        not_eligible_for_purpose: 0,
        no_items: 0,
        value_did_not_normalize: 0,
      },
    });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(GOOGLE_CSV_HEADER);
    expect(lines).toHaveLength(4);
    expect(lines).toContain(
      [
        sha256Hex('taro.yamada@example.jp'),
        sha256Hex('+819012345678'),
        sha256Hex('太郎'),
        sha256Hex('山田'),
        '',
        '',
      ].join(','),
    );
    expect(readFileSync(out, 'utf8')).not.toContain('example.jp');
    expect(receipt.files).toEqual([{ name: 'google.csv', rows: 3, sha256: expect.any(String) }]);
    expect(receipt.ledgerRows).toBe(3);
    expect(JSON.stringify(receipt)).not.toMatch(/example|山田|\+81/);
    const [record] = await provisionRecordsFor(ctx, officer, ids.plain!);
    expect(record).toMatchObject({
      provisionId: receipt.exportId,
      recipient: { id: 'google', country: 'US' },
      clause: 'ADS',
      purpose: 'PURPOSE.REG.5',
      statutory: true,
      itemCategories: ['email', 'name', 'phone'],
    });
    expect(await provisionRecordsFor(ctx, officer, ids.optedOut!)).toEqual([]);
    expect(await provisionRecordsFor(ctx, officer, ids.suspended!)).toEqual([]);
    // SECURITY.6: the records of a customer outside the reader's groups are not shown.
    const othOnly = {
      ...officer,
      scope: { categories: 'all' as const, purposes: 'all' as const, groups: new Set(['OTH']) },
    };
    expect(await provisionRecordsFor(ctx, othOnly, ids.plain!)).toEqual([]);
  });

  it('exports other companies’ ads only for items of services transferred from DOCOMO (SP.2022.TRANSITIONAL)', async () => {
    const out = join(dir, 'meta.ndjson');
    const receipt = await exportAudience(ctx, officer, {
      approvalId: await approvedExport(ctx, 'adExport', 'meta'),
      platform: 'meta',
      out,
      purpose: 'PURPOSE.REG.7',
    });
    expect(receipt.customers.included).toBe(1);
    expect(receipt.customers.excluded).toMatchObject({
      opted_out: 1,
      suspended: 1,
      transitional: 2,
    });
    const batches = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { schema: string[]; data: string[][] });
    expect(batches).toHaveLength(1);
    expect(batches[0]!.schema).toEqual(META_SCHEMA);
    // Only the e-mail: every other column of the schema is empty.
    expect(batches[0]!.data).toEqual([
      [sha256Hex('y@example.jp'), ...META_SCHEMA.slice(1).map(() => '')],
    ]);
    expect(await provisionRecordsFor(ctx, officer, ids.notDocomo!)).toEqual([]);
    expect(await provisionRecordsFor(ctx, officer, ids.docomo!)).toHaveLength(1);
  });

  it('audits every customer considered once: each decision with its clauses, each value read', async () => {
    await exportAudience(ctx, officer, {
      approvalId: await approvedExport(ctx, 'adExport', 'google'),
      platform: 'google',
      out: join(dir, 'audit.csv'),
    });
    const entries = (await ctx.audit.list({ limit: 100 })).filter((e) => e.action === 'ads.decide');
    expect(entries.map((e) => e.customerId).sort()).toEqual(Object.values(ids).sort());
    const optedOut = entries.find((e) => e.customerId === ids.optedOut)!;
    expect(optedOut.decision).toBe('deny');
    expect(optedOut.clauses).toContain('ADS.OPT_OUT');
    expect(optedOut.detail?.read).toEqual([]);
    const plain = entries.find((e) => e.customerId === ids.plain)!;
    expect(plain.decision).toBe('permit');
    const detail = plain.detail ?? {};
    const read = detail.read as string[];
    const decisions = detail.decisions as [string, string, string][];
    expect(decisions.map((d) => d[0]).sort()).toEqual([...(plain.itemIds ?? [])].sort());
    expect(decisions.every((d) => d[1] === 'permit' && d[2].includes('ADS'))).toBe(true);
    // Only permitted values are read, and every value read is named.
    expect(read.length).toBeGreaterThan(0);
    expect(read).toEqual(decisions.map((d) => d[0]).filter((id) => read.includes(id)));
  });

  it('writes one Yahoo! JAPAN list file per list', async () => {
    const out = join(dir, 'yahoo.txt');
    const receipt = await exportAudience(ctx, officer, {
      approvalId: await approvedExport(ctx, 'adExport', 'yahoo'),
      platform: 'yahoo',
      out,
    });
    expect(receipt.files.map((f) => [f.name, f.rows])).toEqual([
      ['yahoo.email.txt', 3],
      ['yahoo.phone.txt', 1],
      ['yahoo.advertisingId.txt', 0],
    ]);
    expect(readFileSync(join(dir, 'yahoo.phone.txt'), 'utf8')).toBe(
      `${sha256Hex('09012345678')}\n`,
    );
  });

  it('deletes only the files of expired exports, and records the deletion (ADS.DELETE_AFTER_MATCH)', async () => {
    const first = await exportAudience(ctx, officer, {
      approvalId: await approvedExport(ctx, 'adExport', 'google'),
      platform: 'google',
      out: join(dir, 'a.csv'),
    });
    ctx.clock.advance(5 * DAY);
    const second = await exportAudience(ctx, officer, {
      approvalId: await approvedExport(ctx, 'adExport', 'google'),
      platform: 'google',
      out: join(dir, 'b.csv'),
    });
    expect(await purgeAdExports(ctx, officer)).toEqual({ exportIds: [], files: 0 });
    ctx.clock.advance(3 * DAY);
    expect(await purgeAdExports(ctx, officer)).toEqual({ exportIds: [first.exportId], files: 1 });
    expect(existsSync(join(dir, 'a.csv'))).toBe(false);
    expect(existsSync(join(dir, 'b.csv'))).toBe(true);
    expect((await readAdExport(ctx, officer, first.exportId)).deletedAt).not.toBeNull();
    expect((await readAdExport(ctx, officer, second.exportId)).deletedAt).toBeNull();
  });

  it('refuses an operator, a purpose that is not an ad purpose, and leaves no file', async () => {
    await expect(
      exportAudience(ctx, buildPrincipal(), {
        approvalId: await approvedExport(ctx, 'adExport', 'google'),
        platform: 'google',
        out: join(dir, 'x.csv'),
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(
      exportAudience(ctx, officer, {
        approvalId: await approvedExport(ctx, 'adExport', 'google'),
        platform: 'google',
        out: join(dir, 'x.csv'),
        purpose: 'PURPOSE.REG.1b',
      }),
    ).rejects.toMatchObject({ code: 'ads.invalid_purpose' });
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });
});
