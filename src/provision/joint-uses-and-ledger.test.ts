import { type FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../http/test-app.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer } from '../registry/test-support.ts';
import type { RoleName } from '../security/principal.ts';
import { tempDir } from '../security/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { createJointUse } from './create-joint-use.ts';
import { createRecipient } from './create-recipient.ts';
import { deleteRecipient } from './delete-recipient.ts';
import { exportAudience } from './export-audience.ts';
import { provide } from './provide.ts';
import type { JointUseInput } from './joint-use-input.ts';
import { type ProvisionRecordPage, searchProvisionRecords } from './search-provision-records.ts';
import { buildOfficer, buildRecipient, openProvisionContext } from './test-support.ts';
import { approvedExport } from '../governance/test-support.ts';

const jointUse = (overrides: Partial<JointUseInput> = {}): JointUseInput => ({
  jointUsers: ['group-co'],
  items: ['name', 'email'],
  purposes: ['Group-wide customer support'],
  responsibleParty: {
    name: 'NTT Communications Corporation',
    address: '1-6 Otemachi 2-chome, Chiyoda-ku, Tokyo',
    representative: 'President and CEO',
  },
  startedAt: '2026-01-01T00:00:00+09:00',
  ...overrides,
});

describe.each(ENGINES)('joint-use register and ledger paging on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openProvisionContext>>;
  let app: FastifyInstance;
  const officer = buildOfficer();
  const as = (role: RoleName) => ({ 'x-test-role': role });
  beforeEach(async () => {
    ctx = await openProvisionContext(engine);
    app = await testApp(ctx, { adsSettings: { exportDir: tempDir(), deleteAfterDays: 7 } });
    await createRecipient(
      ctx,
      officer,
      buildRecipient({ id: 'group-co', kind: 'jointUser', legalName: 'Group Co., Ltd.' }),
    );
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });

  it('keeps joint uses (who, items, purposes, responsible party), lists and publishes them', async () => {
    const denied = await app.inject({
      method: 'POST',
      url: '/v1/joint-uses',
      headers: as('operator'),
      payload: jointUse(),
    });
    expect(denied.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/v1/joint-uses',
      headers: as('privacyOfficer'),
      payload: jointUse(),
    });
    expect(created.statusCode).toBe(201);
    const entry = {
      id: expect.any(String),
      jointUsers: [
        {
          id: 'group-co',
          legalName: 'Group Co., Ltd.',
          address: '1-1 Otemachi, Chiyoda-ku, Tokyo',
          representative: 'Representative Director',
          country: 'JP',
        },
      ],
      items: ['name', 'email'],
      purposes: ['Group-wide customer support'],
      responsibleParty: jointUse().responsibleParty,
      startedAt: '2025-12-31T15:00:00.000Z',
      endedAt: null,
    };
    expect(created.json()).toEqual(entry);
    const listed = await app.inject({
      method: 'GET',
      url: '/v1/joint-uses',
      headers: as('auditor'),
    });
    expect(listed.json()).toEqual([entry]);
    const published = await app.inject({ method: 'GET', url: '/v1/public/joint-uses' });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toEqual([entry]);
    const audit = await ctx.audit.list({ limit: 10 });
    expect(audit.map((e) => e.action)).toContain('jointUse.create');
  });

  it('refuses a recipient that is not a joint user, an unknown one, and an unknown category', async () => {
    await expect(
      createJointUse(ctx, officer, jointUse({ jointUsers: ['google'] })),
    ).rejects.toMatchObject({
      code: 'provision.invalid_recipient',
    });
    await expect(
      createJointUse(ctx, officer, jointUse({ jointUsers: ['nobody'] })),
    ).rejects.toMatchObject({
      code: 'provision.not_found',
    });
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/joint-uses',
      headers: as('privacyOfficer'),
      payload: jointUse({ items: ['shoeSize'] }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'provision.invalid_category' } });
  });

  it('provides to a joint user only under a register entry in force, and only its items (JOINT_USE)', async () => {
    const customer = await createCustomer(ctx, officer, buildCustomer());
    const ask = () =>
      provide(ctx, officer, {
        recipientId: 'group-co',
        customerIds: [customer.id],
        itemCategories: ['name', 'email', 'phone'],
        purpose: 'PURPOSE.REG.1b',
      });
    await expect(ask()).rejects.toMatchObject({
      code: 'provision.joint_use_missing',
      details: { clauses: ['JOINT_USE'] },
    });
    // An entry not yet started does not count.
    await createJointUse(ctx, officer, jointUse({ startedAt: '2026-02-01T00:00:00+09:00' }));
    await expect(ask()).rejects.toMatchObject({ code: 'provision.joint_use_missing' });
    await createJointUse(ctx, officer, jointUse());
    const result = await ask();
    expect(result.provided.flatMap((p) => p.items.map((i) => i.category)).sort()).toEqual([
      'email',
      'name',
    ]);
    expect(result.refused.map((r) => [r.category, r.reason, r.clauses])).toEqual([
      ['phone', 'not_in_joint_use', ['JOINT_USE']],
    ]);
  });

  it('keeps a joint user the register names from being deleted', async () => {
    await createJointUse(ctx, officer, jointUse());
    await expect(deleteRecipient(ctx, officer, 'group-co')).rejects.toMatchObject({
      code: 'provision.conflict',
    });
  });

  it('pages the ledger with limit and cursor, newest first, by customer or recipient', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createCustomer(ctx, officer, buildCustomer())).id);
    const receipt = await exportAudience(ctx, officer, {
      approvalId: await approvedExport(ctx, 'adExport', 'google'),
      platform: 'google',
      out: join(tempDir(), 'google.csv'),
    });
    expect(receipt.ledgerRows).toBe(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/provisions?recipientId=google&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: as('auditor'),
      });
      expect(res.statusCode).toBe(200);
      const page = res.json() as ProvisionRecordPage;
      expect(page.records.length).toBeLessThanOrEqual(2);
      seen.push(...page.records.map((r) => r.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect(seen).toEqual([...seen].sort().reverse());
    const one = await searchProvisionRecords(ctx, officer, { customerId: ids[2]! });
    expect(one.records.map((r) => r.recipient.id)).toEqual(['google']);
    expect(one.nextCursor).toBeNull();
    const bad = await app.inject({
      method: 'GET',
      url: '/v1/provisions?cursor=nonsense',
      headers: as('auditor'),
    });
    expect(bad.statusCode).toBe(400);
    const denied = await app.inject({
      method: 'GET',
      url: '/v1/provisions',
      headers: as('requester'),
    });
    expect(denied.statusCode).toBe(403);
  });
});
