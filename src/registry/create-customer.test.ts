import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { createCustomer } from './create-customer.ts';
import { decideForCustomer } from './decide-for-customer.ts';
import { insertCustomersBatch } from './insert-customers-batch.ts';
import { prepareCustomer } from './prepare-customer.ts';
import { purgeExpiredRecordings } from './purge-recordings.ts';
import { readCustomer } from './read-customer.ts';
import { registryDb } from './registry-tables.ts';
import { buildCustomer, buildItem, buildPrincipal, openRegistryContext } from './test-support.ts';

describe.each(ENGINES)('registering customers on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  beforeEach(async () => {
    ctx = await openRegistryContext(engine);
  });
  afterEach(() => ctx.close());
  const operator = buildPrincipal();
  const count = async (table: 'customers' | 'items') =>
    Number(
      (
        await registryDb(ctx.store.db)
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('round-trips normalized values with provenance, and stores no plaintext', async () => {
    const created = await createCustomer(
      ctx,
      operator,
      buildCustomer({ externalId: 'B-1', subscriberLines: [{ number: '03-1234-5678' }] }),
    );
    expect(created.itemIds).toHaveLength(3);
    const view = await readCustomer(ctx, operator, {
      customerId: created.id,
      purpose: 'PURPOSE.REG.1a',
    });
    expect(view.items.map((i) => [i.category, i.value, i.channel]).sort()).toEqual([
      ['email', 'taro.yamada@example.jp', 'electronic'],
      ['name', '山田 太郎', 'writing'],
      ['phone', '+819012345678', 'verbal'],
    ]);
    // PURPOSE.NOTIFIED: the version in force on 2023-05-01 is kept with the item.
    expect(view.items.every((i) => i.policyVersion === '2023-04-01' && i.source === 'direct')).toBe(
      true,
    );
    expect(view.subscriberLines[0]?.number).toBe('+81312345678');

    const rows = await registryDb(ctx.store.db).selectFrom('items').select('value').execute();
    const lines = await registryDb(ctx.store.db)
      .selectFrom('subscriber_lines')
      .select('number')
      .execute();
    const stored = Buffer.concat([
      ...rows.map((r) => Buffer.from(r.value)),
      ...lines.map((l) => Buffer.from(l.number)),
    ]);
    for (const plain of [
      'taro.yamada@example.jp',
      '山田',
      '+819012345678',
      '+81312345678',
      '9012345678',
    ]) {
      expect(stored.includes(Buffer.from(plain))).toBe(false);
    }
  });

  it('refuses the whole customer when one field is invalid, naming every bad field', async () => {
    const input = buildCustomer({
      items: [
        buildItem(),
        buildItem({ category: 'phone', value: '12' }),
        buildItem({ source: 'indirect' }),
        buildItem({ acquiredAt: '2023-05-01 10:00' }),
      ],
    });
    const error = await createCustomer(ctx, operator, input).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'registry.invalid_field',
      details: {
        field: 'items[1].value',
        problems: [
          { field: 'items[1].value' },
          { field: 'items[2].provider' },
          { field: 'items[3].acquiredAt' },
        ],
      },
    });
    expect((error as Error).message).not.toContain('12');
    expect(await count('customers')).toBe(0);
    expect(await count('items')).toBe(0);
  });

  it('records a call recording as an audio item with its retention end (OBTAIN.CALLS)', async () => {
    const recording = buildItem({
      category: 'callRecording',
      value: 's3://recordings/2025/abc.ogg',
      channel: 'audio',
      recording: {
        retentionEnd: '2026-04-01T00:00:00+09:00',
        durationSeconds: 95,
        direction: 'inbound',
      },
    });
    const created = await createCustomer(ctx, operator, buildCustomer({ items: [recording] }));
    const view = await readCustomer(ctx, operator, {
      customerId: created.id,
      purpose: 'PURPOSE.REG.1d',
    });
    expect(view.items[0]?.recording).toEqual({
      retentionEnd: '2026-03-31T15:00:00.000Z',
      metadata: { durationSeconds: 95, direction: 'inbound' },
    });
    await expect(
      createCustomer(
        ctx,
        operator,
        buildCustomer({ items: [{ ...recording, channel: 'verbal' }] }),
      ),
    ).rejects.toMatchObject({ details: { field: 'items[0].channel' } });
  });

  it('keeps a call recording only for its retention period, then purges it (OBTAIN.CALLS)', async () => {
    const recording = (retentionEnd: string, value: string) =>
      buildItem({
        category: 'callRecording',
        value,
        channel: 'audio',
        recording: { retentionEnd },
      });
    const created = await createCustomer(
      ctx,
      operator,
      buildCustomer({
        items: [
          recording('2025-06-01T00:00:00+09:00', 's3://recordings/old.ogg'),
          recording('2027-06-01T00:00:00+09:00', 's3://recordings/kept.ogg'),
        ],
      }),
    );
    const [expiredId, keptId] = created.itemIds;
    // Past its retention (the clock says 2026-01-10): not shown, not decided on, not provided.
    const view = await readCustomer(ctx, operator, {
      customerId: created.id,
      purpose: 'PURPOSE.REG.1d',
    });
    expect(view.items.map((i) => i.id)).toEqual([keptId]);
    await expect(
      decideForCustomer(ctx, operator, {
        customerId: created.id,
        itemId: expiredId!,
        purpose: 'PURPOSE.REG.3',
      }),
    ).rejects.toMatchObject({ code: 'registry.not_found' });
    expect(await purgeExpiredRecordings(ctx, operator, { dryRun: true })).toEqual({
      dryRun: true,
      due: 1,
      deleted: 0,
    });
    expect(await purgeExpiredRecordings(ctx, operator)).toEqual({
      dryRun: false,
      due: 1,
      deleted: 1,
    });
    const left = await registryDb(ctx.store.db)
      .selectFrom('items')
      .select('id')
      .where('customer_id', '=', created.id)
      .execute();
    expect(left.map((r) => r.id)).toEqual([keptId]);
    const audit = await ctx.audit.list({ customerId: created.id, limit: 20 });
    expect(audit.find((e) => e.action === 'recording.delete')?.itemIds).toEqual([expiredId]);
    // A retention that ends before the call was recorded keeps nothing: refused.
    await expect(
      createCustomer(
        ctx,
        operator,
        buildCustomer({ items: [recording('2020-01-01T00:00:00+09:00', 's3://recordings/x.ogg')] }),
      ),
    ).rejects.toMatchObject({ details: { field: 'items[0].recording.retentionEnd' } });
  });

  it('links an item to the service it was obtained under, by name', async () => {
    const created = await createCustomer(
      ctx,
      operator,
      buildCustomer({
        services: [
          {
            name: 'ocn-mobile',
            startedAt: '2020-01-01T00:00:00+09:00',
            endedAt: '2022-01-01T00:00:00+09:00',
          },
          {
            name: 'ocn-mobile',
            startedAt: '2023-01-01T00:00:00+09:00',
            origin: 'docomo-transfer-2022-07-01',
          },
        ],
        items: [buildItem({ service: 'ocn-mobile' }), buildItem({ service: 'nope' })],
      }),
    ).catch((e: unknown) => e);
    expect(created).toMatchObject({ details: { field: 'items[1].service' } });
    const ok = await createCustomer(
      ctx,
      operator,
      buildCustomer({
        services: [
          { name: 'ocn-mobile', startedAt: '2020-01-01T00:00:00+09:00' },
          {
            name: 'ocn-mobile',
            startedAt: '2023-01-01T00:00:00+09:00',
            origin: 'docomo-transfer-2022-07-01',
          },
        ],
        items: [buildItem({ service: 'ocn-mobile' })],
      }),
    );
    const view = await readCustomer(ctx, operator, {
      customerId: ok.id,
      purpose: 'PURPOSE.REG.1a',
    });
    expect(view.items[0]?.serviceId).toBe(ok.serviceIds[1]);
    expect(view.services.map((s) => s.transferredFromDocomo)).toEqual([false, true]);
  });

  it('refuses a taken externalId without writing anything', async () => {
    await createCustomer(ctx, operator, buildCustomer({ externalId: 'B-1' }));
    await expect(
      createCustomer(ctx, operator, buildCustomer({ externalId: 'B-1' })),
    ).rejects.toMatchObject({
      code: 'registry.conflict',
      details: { field: 'externalId' },
    });
    expect(await count('customers')).toBe(1);
  });

  it('writes a large batch in one transaction with multi-row inserts', async () => {
    const inputs = Array.from({ length: 700 }, (_, i) =>
      prepareCustomer(ctx.policy, buildCustomer({ externalId: `X-${i}` })),
    );
    const created = await insertCustomersBatch(ctx, buildPrincipal({ role: 'system' }), inputs);
    expect(created).toHaveLength(700);
    expect(await count('items')).toBe(2100);
    const entries = await ctx.audit.list({ limit: 1000 });
    expect(entries.filter((e) => e.action === 'customer.create')).toHaveLength(700);
    await expect(
      insertCustomersBatch(ctx, buildPrincipal({ role: 'system' }), [
        prepareCustomer(ctx.policy, buildCustomer({ externalId: 'new' })),
        prepareCustomer(ctx.policy, buildCustomer({ externalId: 'X-5' })),
      ]),
    ).rejects.toMatchObject({ code: 'registry.conflict', details: { index: 1 } });
    expect(await count('customers')).toBe(700);
  });

  it('refuses a principal without registry.write', async () => {
    await expect(
      createCustomer(ctx, buildPrincipal({ role: 'auditor' }), buildCustomer()),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
