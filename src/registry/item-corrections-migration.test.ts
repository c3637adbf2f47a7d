import { afterEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { securityMigrations } from '../security/security-migrations.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { ENGINES } from '../store/test-engines.ts';
import { createCustomer } from './create-customer.ts';
import { decideForCustomer } from './decide-for-customer.ts';
import { readCustomer } from './read-customer.ts';
import { registryMigrations } from './registry-migrations.ts';
import { registryDb } from './registry-tables.ts';
import { buildCustomer, buildItem, buildPrincipal } from './test-support.ts';

const STEP = '0232-registry-item-corrections';
const operator = buildPrincipal();
const system = buildPrincipal({ id: 'token-crm', kind: 'token', role: 'system' });

describe.each(ENGINES)('the item-corrections migration on $name', (engine) => {
  let close: () => Promise<void> = async () => {};
  afterEach(() => close());

  it('turns an old later version back to its first acquisition, its own facts kept as the correction', async () => {
    const before = Object.fromEntries(
      Object.entries(registryMigrations).filter(([name]) => name !== STEP),
    );
    const ctx = await openAppTestContext(engine, {
      migrations: { ...securityMigrations, ...before },
    });
    close = () => ctx.close();
    const created = await createCustomer(
      ctx,
      operator,
      buildCustomer({
        services: [
          {
            name: 'ocn-mobile',
            startedAt: '2019-04-01T00:00:00+09:00',
            origin: 'docomo-transfer-2022-07-01',
          },
        ],
        items: [
          buildItem({
            acquiredAt: '2022-06-15T10:00:00+09:00',
            service: 'ocn-mobile',
            source: 'indirect',
            provider: 'docomo',
          }),
        ],
      }),
    );
    const first = created.itemIds[0]!;
    // A version as the old update wrote it: acquired "now", so REG.7 came out permitted.
    const db = registryDb(ctx.store.db);
    const old = await db
      .selectFrom('items')
      .selectAll()
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('items')
      .values({
        ...old,
        id: 'item-v2',
        acquired_at: Date.parse('2025-12-01T00:00:00Z'),
        channel: 'verbal',
        policy_version: '2025-02-03',
      })
      .execute();
    await db
      .updateTable('items')
      .set({ superseded_at: 1, superseded_by: 'item-v2' })
      .where('id', '=', first)
      .execute();

    await migrateToLatest(ctx.store, { ...securityMigrations, ...registryMigrations });

    const view = await readCustomer(ctx, operator, { customerId: created.id, values: false });
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({
      id: 'item-v2',
      acquiredAt: new Date('2022-06-15T10:00:00+09:00').toISOString(),
      channel: old.channel,
      policyVersion: old.policy_version,
      provider: 'docomo',
      correction: {
        at: '2025-12-01T00:00:00.000Z',
        channel: 'verbal',
        source: 'indirect',
        requestId: null,
      },
    });
    const reg7 = await decideForCustomer(ctx, system, {
      customerId: created.id,
      itemId: 'item-v2',
      purpose: 'PURPOSE.REG.7',
      at: '2026-01-10T09:00:00+09:00',
    });
    expect(reg7.decision).toBe('deny');
  });
});
