import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.ts';
import { ENGINES } from '../../store/test-engines.ts';
import type { AuditEvent } from '../audit-entry.ts';
import { openSecurityStore, testClock } from '../test-support.ts';
import { entryHash } from './audit-hash.ts';
import { createAuditLog } from './create-audit-log.ts';

const event = (n: number, overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  actor: 'usr_1',
  action: 'decision',
  customerId: `c${n % 3}`,
  itemIds: [`i${n}`],
  decision: n % 2 ? 'permit' : 'deny',
  clauses: ['PURPOSE.REG.1b'],
  detail: { purpose: 'PURPOSE.REG.1b', n },
  ...overrides,
});

async function withLog(
  engine: (typeof ENGINES)[number],
  count: number,
  fn: (store: Store, log: ReturnType<typeof createAuditLog>) => Promise<void>,
) {
  const store = await openSecurityStore(engine);
  try {
    const log = createAuditLog(store, { clock: testClock() });
    await log.append(
      store.db,
      Array.from({ length: count }, (_, i) => event(i + 1)),
    );
    await fn(store, log);
  } finally {
    await store.close();
  }
}

describe.each(ENGINES)('audit log on $name', (engine) => {
  it('verifies an untouched chain and lists entries newest first', async () => {
    await withLog(engine, 5, async (_store, log) => {
      expect(await log.verify()).toEqual({ ok: true, entries: 5 });
      const listed = await log.list({ customerId: 'c1', limit: 10 });
      expect(listed.map((e) => e.seq)).toEqual([4, 1]);
      expect(listed[0]).toMatchObject({
        actor: 'usr_1',
        itemIds: ['i4'],
        decision: 'deny',
        clauses: ['PURPOSE.REG.1b'],
        detail: { n: 4, purpose: 'PURPOSE.REG.1b' },
      });
      expect((await log.list({ limit: 2, beforeSeq: 3 })).map((e) => e.seq)).toEqual([2, 1]);
    });
  });

  it('verifies an empty log', async () => {
    await withLog(engine, 0, async (_store, log) => {
      expect(await log.verify()).toEqual({ ok: true, entries: 0 });
    });
  });

  it('names an entry edited in the database', async () => {
    await withLog(engine, 5, async (store, log) => {
      await sql`update audit_log set decision = 'permit' where seq = 2`.execute(store.db);
      expect(await log.verify()).toMatchObject({
        ok: false,
        firstBad: 2,
        problem: 'entry 2 was changed',
      });
    });
  });

  it('names an entry deleted from the database', async () => {
    await withLog(engine, 5, async (store, log) => {
      await sql`delete from audit_log where seq = 3`.execute(store.db);
      expect(await log.verify()).toMatchObject({
        ok: false,
        firstBad: 3,
        problem: 'entry 3 was removed',
      });
    });
  });

  it('names the last entries cut off the end', async () => {
    await withLog(engine, 5, async (store, log) => {
      await sql`delete from audit_log where seq >= 4`.execute(store.db);
      expect(await log.verify()).toMatchObject({ ok: false, firstBad: 4 });
    });
  });

  it('names an entry forged after the head, even with a correct hash', async () => {
    await withLog(engine, 3, async (store, log) => {
      const last = await sql<{ hash: string }>`select hash from audit_log where seq = 3`.execute(
        store.db,
      );
      const fields = {
        seq: 4,
        at: 1,
        actor: 'intruder',
        action: 'decision',
        customer_id: null,
        item_ids: '[]',
        decision: null,
        clauses: '[]',
        detail: '{}',
        prev_hash: last.rows[0]!.hash,
      };
      await sql`insert into audit_log (seq, at, actor, action, customer_id, item_ids, decision, clauses, detail, prev_hash, hash)
        values (4, 1, 'intruder', 'decision', null, '[]', null, '[]', '{}', ${fields.prev_hash}, ${entryHash(fields)})`.execute(
        store.db,
      );
      expect(await log.verify()).toMatchObject({ ok: false, firstBad: 4 });
    });
  });

  it('names a row slipped in before the first entry', async () => {
    await withLog(engine, 2, async (store, log) => {
      await sql`insert into audit_log (seq, at, actor, action, customer_id, item_ids, decision, clauses, detail, prev_hash, hash)
        values (0, 1, 'intruder', 'x', null, '[]', null, '[]', '{}', 'x', 'x')`.execute(store.db);
      expect(await log.verify()).toMatchObject({ ok: false, firstBad: 0 });
    });
  });

  it('names the first of two entries whose contents were swapped', async () => {
    await withLog(engine, 5, async (store, log) => {
      await sql`update audit_log set seq = -2 where seq = 2`.execute(store.db);
      await sql`update audit_log set seq = 2 where seq = 3`.execute(store.db);
      await sql`update audit_log set seq = 3 where seq = -2`.execute(store.db);
      const result = await log.verify();
      expect(result).toMatchObject({ ok: false, firstBad: 2 });
      expect(result.ok ? '' : result.problem).toMatch(/^entry 2 /);
    });
  });

  it('keeps one linear chain when transactions append at once', async () => {
    await withLog(engine, 0, async (store, log) => {
      await Promise.all(
        Array.from({ length: 8 }, (_, t) =>
          store.db.transaction().execute(async (tx) => {
            await log.append(tx, [event(t * 10 + 1), event(t * 10 + 2)]);
            await log.append(tx, [event(t * 10 + 3)]);
          }),
        ),
      );
      expect(await log.verify()).toEqual({ ok: true, entries: 24 });
    });
  });

  it('commits with the caller: a rolled-back transaction leaves no entry and no gap', async () => {
    await withLog(engine, 2, async (store, log) => {
      await expect(
        store.db.transaction().execute(async (tx) => {
          await log.append(tx, [event(3)]);
          throw new Error('use case failed');
        }),
      ).rejects.toThrow('use case failed');
      await log.append(store.db, [event(4)]);
      expect(await log.verify()).toEqual({ ok: true, entries: 3 });
    });
  });
});
