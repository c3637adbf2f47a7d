import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../../store/test-engines.ts';
import { securityDb, type SecurityTables } from '../security-tables.ts';
import { openTestContext } from '../test-support.ts';
import { entryHash } from './audit-hash.ts';
import { checkAuditAnchor, createAuditAnchor } from './audit-anchor.ts';

/**
 * What someone holding only the database can do: change entry `seq` and recompute every hash
 * after it and the head, so that the chain verifies again.
 */
async function rewriteChain(db: Kysely<SecurityTables>, seq: number, actor: string) {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  let prev = rows.find((r) => r.seq === seq - 1)!.hash;
  for (const row of rows.filter((r) => r.seq >= seq)) {
    const changed = { ...row, actor: row.seq === seq ? actor : row.actor, prev_hash: prev };
    const hash = entryHash(changed);
    await db
      .updateTable('audit_log')
      .set({ actor: changed.actor, prev_hash: prev, hash })
      .where('seq', '=', row.seq)
      .execute();
    prev = hash;
  }
  await db.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
}

describe.each(ENGINES)('audit anchors on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  beforeEach(async () => {
    ctx = await openTestContext(engine);
    const events = Array.from({ length: 5 }, (_, i) => ({
      actor: 'usr_1',
      action: 'registry.read',
      customerId: `c${i}`,
      clauses: ['SECURITY.3'],
      detail: { n: i },
    }));
    await ctx.audit.append(ctx.store.db, events);
  });
  afterEach(() => ctx.close());

  it('holds on an untouched chain, also after more entries are appended', async () => {
    const anchor = await createAuditAnchor(ctx.store, ctx.keys, ctx.clock());
    expect(anchor).toMatchObject({ seq: 5, at: new Date(ctx.clock()).toISOString() });
    expect(anchor.mac).toMatch(/^[0-9a-f]{64}$/);
    await ctx.audit.append(ctx.store.db, [{ actor: 'usr_2', action: 'registry.read' }]);
    expect(await checkAuditAnchor(ctx.store, ctx.keys, anchor)).toBeNull();
  });

  it('catches a chain rewritten from an entry on, which the chain alone cannot', async () => {
    const anchor = await createAuditAnchor(ctx.store, ctx.keys, ctx.clock());
    await rewriteChain(securityDb(ctx.store.db), 2, 'someone else');
    expect(await ctx.audit.verify()).toEqual({ ok: true, entries: 5 });
    expect(await checkAuditAnchor(ctx.store, ctx.keys, anchor)).toMatch(
      /^entry 5 no longer has the hash anchored .*: the chain was rewritten up to it$/,
    );
  });

  it('refuses an anchor altered, or made under other keys, or not an anchor at all', async () => {
    const anchor = await createAuditAnchor(ctx.store, ctx.keys, ctx.clock());
    const earlier = await securityDb(ctx.store.db)
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    // Pointing the anchor at an earlier entry (whose hash is right) breaks its MAC.
    expect(
      await checkAuditAnchor(ctx.store, ctx.keys, { ...anchor, seq: 3, hash: earlier.hash }),
    ).toMatch(/MAC does not verify/);
    const other = await openTestContext(engine);
    try {
      expect(await checkAuditAnchor(ctx.store, other.keys, anchor)).toMatch(/MAC does not verify/);
    } finally {
      await other.close();
    }
    expect(await checkAuditAnchor(ctx.store, ctx.keys, { seq: 5 })).toMatch(/^not an anchor/);
    expect(await checkAuditAnchor(ctx.store, ctx.keys, null)).toMatch(/^not an anchor/);
  });

  it('names an anchored entry that is gone', async () => {
    const anchor = await createAuditAnchor(ctx.store, ctx.keys, ctx.clock());
    await securityDb(ctx.store.db).deleteFrom('audit_log').where('seq', '=', 5).execute();
    expect(await checkAuditAnchor(ctx.store, ctx.keys, anchor)).toMatch(
      /^entry 5, anchored .*, is gone$/,
    );
  });
});
