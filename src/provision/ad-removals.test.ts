import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvedExport } from '../governance/test-support.ts';
import {
  createCustomer,
  deleteCustomer,
  recordOptOut,
  recordSuspension,
} from '../registry/index.ts';
import { buildCustomer, buildItem } from '../registry/test-support.ts';
import { tempDir } from '../security/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import type { AdPlatformId } from './ads/ad-platform-id.ts';
import { sha256Hex } from './ads/sha256-hex.ts';
import { exportAudience } from './export-audience.ts';
import { provisionDb } from './provision-tables.ts';
import { purgeAdExports } from './purge-ad-exports.ts';
import { readAdExport } from './read-ad-export.ts';
import { buildOfficer, openProvisionContext } from './test-support.ts';

const DAY = 86_400_000;

/** A customer with only an e-mail address. */
const withEmail = (email: string) => buildCustomer({ items: [buildItem({ value: email })] });

/** The three ways out of the ad audiences, each as the registry records it. */
const WITHDRAWALS = [
  {
    clause: 'REQUEST.DELETION',
    withdraw: (ctx: Ctx, customerId: string) => deleteCustomer(ctx, buildOfficer(), { customerId }),
  },
  {
    clause: 'REQUEST.SUSPEND_PROVISION',
    withdraw: (ctx: Ctx, customerId: string) =>
      recordSuspension(ctx, buildOfficer(), {
        customerId,
        suspension: { kind: 'provision', from: new Date(ctx.clock()).toISOString() },
      }),
  },
  {
    clause: 'ADS.OPT_OUT',
    withdraw: (ctx: Ctx, customerId: string) =>
      recordOptOut(ctx, buildOfficer(), {
        customerId,
        optOut: { at: new Date(ctx.clock()).toISOString() },
      }),
  },
] as const;

type Ctx = Awaited<ReturnType<typeof openProvisionContext>>;

describe.each(ENGINES)('ad removals on $name', (engine) => {
  let ctx: Ctx;
  let dir: string;
  const officer = buildOfficer();
  let gone: string;
  let stays: string;
  const GONE = sha256Hex('gone@example.jp');
  const STAYS = sha256Hex('stays@example.jp');
  beforeEach(async () => {
    ctx = await openProvisionContext(engine);
    dir = tempDir();
    gone = (await createCustomer(ctx, officer, withEmail('gone@example.jp'))).id;
    stays = (await createCustomer(ctx, officer, withEmail('stays@example.jp'))).id;
  });
  afterEach(async () => {
    await ctx.close();
  });

  const exportTo = async (platform: AdPlatformId, name: string) =>
    exportAudience(ctx, officer, {
      approvalId: await approvedExport(ctx, 'adExport', platform),
      platform,
      out: join(dir, name),
    });

  /** The ledger rows of a customer (read directly: an erased customer's too). */
  const ledgerOf = (customerId: string) =>
    provisionDb(ctx.store.db)
      .selectFrom('provision_records')
      .select(['provision_id', 'recipient_id', 'clause', 'ground'])
      .where('customer_id', '=', customerId)
      .orderBy('provided_at')
      .orderBy('id')
      .execute();

  it.each(WITHDRAWALS)(
    '$clause: the held file loses the customer, the next export removes them once, the ledger says so',
    async ({ clause, withdraw }) => {
      const first = await exportTo('google', 'first.csv');
      const held = join(dir, 'first.csv');
      expect(readFileSync(held, 'utf8')).toContain(GONE);
      ctx.clock.advance(DAY);
      await withdraw(ctx, gone);
      // The purge (nothing expired yet) sweeps: the held file is rewritten without them.
      expect(await purgeAdExports(ctx, officer)).toEqual({ exportIds: [], files: 0 });
      const text = readFileSync(held, 'utf8');
      expect(text).not.toContain(GONE);
      expect(text).toContain(STAYS);
      const receipt = await readAdExport(ctx, officer, first.exportId);
      expect(receipt.rewrites).toEqual([
        { at: new Date(ctx.clock()).toISOString(), clauses: [clause], rowsRemoved: 1 },
      ]);
      expect(receipt.files[0]!.rows).toBe(1);
      const rewrites = (await ctx.audit.list({ limit: 200 })).filter(
        (e) => e.action === 'ads.rewrite',
      );
      expect(rewrites).toHaveLength(1);
      expect(rewrites[0]!.clauses).toEqual([clause]);

      // The next export carries Customer Match's removal list: their row, once.
      const second = await exportTo('google', 'second.csv');
      expect(readFileSync(join(dir, 'second.csv'), 'utf8')).not.toContain(GONE);
      const removal = readFileSync(join(dir, 'second.remove.csv'), 'utf8').trimEnd().split('\n');
      expect(removal.filter((l) => l.includes(GONE))).toHaveLength(1);
      expect(removal.filter((l) => l.includes(STAYS))).toHaveLength(0);
      expect(second.removals).toMatchObject({ customers: 1, format: 'file' });
      expect(second.removals!.files).toEqual([
        { name: 'second.remove.csv', rows: 1, sha256: expect.any(String) },
      ]);
      const rows = await ledgerOf(gone);
      expect(rows).toEqual([
        {
          provision_id: first.exportId,
          recipient_id: 'google',
          clause: 'ADS',
          ground: expect.any(String),
        },
        {
          provision_id: second.exportId,
          recipient_id: 'google',
          clause: 'ADS',
          ground: `removal ${clause}`,
        },
      ]);
      expect((await ledgerOf(stays)).map((r) => r.ground)).not.toContain(`removal ${clause}`);

      // Once sent, no hash of theirs is kept anywhere.
      const db = provisionDb(ctx.store.db);
      const kept = await db
        .selectFrom('ad_export_members')
        .select('row')
        .where('customer_id', '=', gone)
        .execute();
      expect(kept.map((m) => m.row)).toEqual(['']);
      const sent = await db.selectFrom('ad_removals').selectAll().execute();
      expect(sent).toMatchObject([
        { customer_id: gone, clause, rows: null, sent_export_id: second.exportId },
      ]);

      // No removal twice: the third export carries none, the ledger has no second removal row.
      const third = await exportTo('google', 'third.csv');
      expect(third.removals).toBeUndefined();
      expect(existsSync(join(dir, 'third.remove.csv'))).toBe(false);
      expect((await ledgerOf(gone)).filter((r) => r.ground.startsWith('removal'))).toHaveLength(1);
      // The removal list goes with its export's files when they expire (ADS.DELETE_AFTER_MATCH).
      ctx.clock.advance(8 * DAY);
      await purgeAdExports(ctx, officer);
      expect(existsSync(join(dir, 'second.remove.csv'))).toBe(false);
    },
  );

  it('a platform that never received the customer has no removal of them', async () => {
    await exportTo('google', 'g.csv');
    await recordOptOut(ctx, officer, {
      customerId: gone,
      optOut: { at: new Date(ctx.clock()).toISOString() },
    });
    const meta = await exportTo('meta', 'm.ndjson');
    expect(meta.removals).toBeUndefined();
    expect(existsSync(join(dir, 'm.remove.ndjson'))).toBe(false);
    expect((await ledgerOf(gone)).map((r) => r.recipient_id)).toEqual(['google']);
    // Google, which received them, gets the removal.
    const google = await exportTo('google', 'g2.csv');
    expect(google.removals?.customers).toBe(1);
  });

  it('Meta: the held batches lose the customer; the removal is a DELETE payload of the same shape', async () => {
    await exportTo('meta', 'a.ndjson');
    await recordOptOut(ctx, officer, {
      customerId: gone,
      optOut: { at: new Date(ctx.clock()).toISOString() },
    });
    const next = await exportTo('meta', 'b.ndjson');
    const held = readFileSync(join(dir, 'a.ndjson'), 'utf8');
    expect(held).not.toContain(GONE);
    expect(held).toContain(STAYS);
    const batches = readFileSync(join(dir, 'b.remove.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { schema: string[]; data: string[][] });
    expect(batches).toHaveLength(1);
    expect(batches[0]!.data.map((d) => d[0])).toEqual([GONE]);
    expect(next.removals?.customers).toBe(1);
  });

  it('Yahoo! JAPAN: the held list loses the customer; no removal format, the ledger says so', async () => {
    await exportTo('yahoo', 'y.txt');
    await deleteCustomer(ctx, officer, { customerId: gone });
    const next = await exportTo('yahoo', 'y2.txt');
    expect(readFileSync(join(dir, 'y.email.txt'), 'utf8')).toBe(`${STAYS}\n`);
    expect(next.removals).toEqual({ customers: 1, format: 'none', files: [] });
    const removal = (await ledgerOf(gone)).filter((r) => r.ground.startsWith('removal'));
    expect(removal).toEqual([
      {
        provision_id: next.exportId,
        recipient_id: 'yahoo',
        clause: 'ADS',
        ground: "removal REQUEST.DELETION: no removal format, due in the platform's console",
      },
    ]);
  });
});
