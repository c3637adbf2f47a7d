import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCustomer,
  deleteCustomer,
  DOCOMO_TRANSFER_ORIGIN,
  recordSuspension,
} from '../registry/index.ts';
import { buildCustomer, buildItem, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { createRecipient } from './create-recipient.ts';
import { provide } from './provide.ts';
import { approveLegalProvision } from './approve-legal-provision.ts';
import { requestLegalProvision } from './request-legal-provision.ts';
import { provisionRecordsFor } from './provision-records-for.ts';
import { purgeProvisionRecords } from './purge-provision-records.ts';
import { recordDiligence } from './record-diligence.ts';
import { recordFamilyProvision } from './record-family-provision.ts';
import { updateRecipient } from './update-recipient.ts';
import {
  buildDiligence,
  buildOfficer,
  buildRecipient,
  openProvisionContext,
  TEST_NOW,
} from './test-support.ts';

const DAY = 86_400_000;
const inForce2026 = buildDiligence({
  verifiedAt: '2025-12-01T00:00:00+09:00',
  expiresAt: '2026-12-01T00:00:00+09:00',
});

/** A customer whose e-mail was obtained under a mobile service, claims assigned as given. */
const withService = (claimsAssignee?: 'docomo' | 'ntt-finance') =>
  buildCustomer({
    services: [
      {
        name: 'mobile',
        startedAt: '2023-01-01T00:00:00+09:00',
        origin: DOCOMO_TRANSFER_ORIGIN,
        ...(claimsAssignee ? { claimsAssignee } : {}),
      },
    ],
    items: [buildItem({ service: 'mobile' })],
  });

describe.each(ENGINES)('provide on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openProvisionContext>>;
  const officer = buildOfficer();
  beforeEach(async () => {
    ctx = await openProvisionContext(engine);
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('provides to a claims collector only the lines whose claims are assigned to it (PROVIDE.CLAIMS)', async () => {
    const assigned = await createCustomer(ctx, officer, withService('docomo'));
    const unassigned = await createCustomer(ctx, officer, withService());
    const other = await createCustomer(ctx, officer, withService('ntt-finance'));
    await recordDiligence(ctx, officer, { recipientId: 'docomo', diligence: inForce2026 });
    const result = await provide(ctx, officer, {
      recipientId: 'docomo',
      customerIds: [assigned.id, unassigned.id, other.id],
      itemCategories: ['email'],
      purpose: 'PURPOSE.REG.1b',
    });
    expect(result.provided.map((p) => p.customerId)).toEqual([assigned.id]);
    expect(result.refused.map((r) => [r.customerId, r.reason, r.clauses])).toEqual(
      expect.arrayContaining([
        [unassigned.id, 'claims_not_assigned', ['PROVIDE.CLAIMS']],
        [other.id, 'claims_not_assigned', ['PROVIDE.CLAIMS']],
      ]),
    );
    const [record, ...more] = await provisionRecordsFor(ctx, officer, assigned.id);
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      recipient: { id: 'docomo', legalName: 'NTT DOCOMO, INC.', country: 'JP' },
      itemCategories: ['email'],
      clause: 'PROVIDE.CLAIMS',
      purpose: 'PURPOSE.REG.1b',
      statutory: true,
      retentionEnd: new Date(Date.parse('2029-01-10T00:00:00Z')).toISOString(),
    });
    expect(await provisionRecordsFor(ctx, officer, unassigned.id)).toEqual([]);
  });

  it('refuses a claims provision when the collector’s diligence expired (PROVIDE.DUE_DILIGENCE)', async () => {
    const customer = await createCustomer(ctx, officer, withService('docomo'));
    await recordDiligence(ctx, officer, { recipientId: 'docomo', diligence: buildDiligence() });
    await expect(
      provide(ctx, officer, {
        recipientId: 'docomo',
        customerIds: [customer.id],
        itemCategories: ['email'],
        purpose: 'PURPOSE.REG.1b',
      }),
    ).rejects.toMatchObject({
      code: 'provision.diligence_missing',
      details: { clauses: ['PROVIDE.DUE_DILIGENCE'] },
    });
    expect(await provisionRecordsFor(ctx, officer, customer.id)).toEqual([]);
  });

  it('takes the latest verification: one that ends an agreement withdraws an older, longer one', async () => {
    const customer = await createCustomer(ctx, officer, withService('docomo'));
    const ask = () =>
      provide(ctx, officer, {
        recipientId: 'docomo',
        customerIds: [customer.id],
        itemCategories: ['email'],
        purpose: 'PURPOSE.REG.1b',
      });
    await recordDiligence(ctx, officer, { recipientId: 'docomo', diligence: inForce2026 });
    expect((await ask()).provided).toHaveLength(1);
    await recordDiligence(ctx, officer, {
      recipientId: 'docomo',
      diligence: buildDiligence({
        verifiedAt: '2025-12-15T00:00:00+09:00',
        expiresAt: '2025-12-31T00:00:00+09:00',
        agreementReference: 'AGR-TERMINATED',
      }),
    });
    await expect(ask()).rejects.toMatchObject({ code: 'provision.diligence_missing' });
  });

  it('records the recipient as it stood at the provision, whatever is edited later (Rule 20)', async () => {
    await createRecipient(ctx, officer, buildRecipient());
    await recordDiligence(ctx, officer, { recipientId: 'print-co', diligence: inForce2026 });
    const customer = await createCustomer(ctx, officer, buildCustomer());
    await provide(ctx, officer, {
      recipientId: 'print-co',
      customerIds: [customer.id],
      itemCategories: ['name'],
      purpose: 'PURPOSE.REG.1b',
    });
    await updateRecipient(ctx, officer, {
      recipientId: 'print-co',
      changes: { legalName: 'Other Co.', address: 'Elsewhere', country: 'CN' },
    });
    const [record] = await provisionRecordsFor(ctx, officer, customer.id);
    expect(record!.recipient).toMatchObject({
      legalName: 'Print Co., Ltd.',
      address: '1-1 Otemachi, Chiyoda-ku, Tokyo',
      country: 'JP',
    });
  });

  it('refuses the family-call recipient: a family caller is answered through a family call only', async () => {
    const customer = await createCustomer(ctx, officer, buildCustomer());
    await ctx.store.db.transaction().execute((tx) =>
      recordFamilyProvision(
        tx,
        {
          customerId: customer.id,
          itemIds: [],
          itemCategories: ['name'],
          purpose: 'PURPOSE.REG.1b',
          relation: 'spouse',
          at: TEST_NOW,
        },
        officer.id,
        TEST_NOW,
      ),
    );
    await expect(
      provide(ctx, officer, {
        recipientId: 'family',
        customerIds: [customer.id],
        itemCategories: ['name'],
        purpose: 'PURPOSE.REG.1b',
      }),
    ).rejects.toMatchObject({ code: 'provision.invalid_recipient' });
  });

  it('refuses a provision to an authority without its legal basis, records it with one once approved', async () => {
    await createRecipient(
      ctx,
      officer,
      buildRecipient({ id: 'police', kind: 'authority', legalName: 'Metropolitan Police' }),
    );
    const customer = await createCustomer(ctx, officer, buildCustomer());
    const request = {
      recipientId: 'police',
      customerIds: [customer.id],
      itemCategories: ['name', 'phone'],
      legalGround: 'CRIMINAL_INVESTIGATION',
    };
    await expect(
      provide(ctx, officer, { ...request, purpose: 'PURPOSE.REG.4' }),
    ).rejects.toMatchObject({
      code: 'provision.invalid_recipient',
    });
    await expect(requestLegalProvision(ctx, officer, request)).rejects.toMatchObject({
      code: 'provision.legal_basis_required',
    });
    await expect(
      requestLegalProvision(ctx, officer, {
        ...request,
        legalBasis: 'Code of Criminal Procedure Art. 197(2)',
      }),
    ).rejects.toMatchObject({ code: 'provision.legal_basis_required' });
    const asked = await requestLegalProvision(ctx, officer, {
      ...request,
      legalBasis: 'Code of Criminal Procedure Art. 197(2)',
      documentReference: 'inquiry 2026-15',
    });
    const second = buildOfficer({ id: 'user-second-officer' });
    const result = await approveLegalProvision(ctx, second, { id: asked.id });
    expect(result.provision.provided[0]?.items.map((i) => i.category).sort()).toEqual([
      'name',
      'phone',
    ]);
    const [record] = await provisionRecordsFor(ctx, officer, customer.id);
    expect(record).toMatchObject({
      clause: 'PROVIDE.AUTHORITY',
      legalBasis: 'Code of Criminal Procedure Art. 197(2)',
      legalGround: 'CRIMINAL_INVESTIGATION',
      documentReference: 'inquiry 2026-15',
      approvedBy: 'user-second-officer',
      statutory: false,
    });
  });

  it('refuses an erased or unknown customer listed among others, providing the rest with values', async () => {
    await recordDiligence(ctx, officer, { recipientId: 'docomo', diligence: inForce2026 });
    const live = await createCustomer(ctx, officer, withService('docomo'));
    const erased = await createCustomer(ctx, officer, withService('docomo'));
    await deleteCustomer(ctx, officer, { customerId: erased.id });
    const result = await provide(ctx, officer, {
      recipientId: 'docomo',
      customerIds: [live.id, erased.id, 'no-such-customer'],
      itemCategories: ['email'],
      purpose: 'PURPOSE.REG.1b',
      values: true,
    });
    expect(result.provided.map((p) => p.customerId)).toEqual([live.id]);
    expect(result.refused.map((r) => [r.customerId, r.reason])).toEqual([
      [erased.id, 'no_items'],
      ['no-such-customer', 'no_items'],
    ]);
    const keys = await ctx.store.db
      .selectFrom('data_keys' as never)
      .select('customer_id' as never)
      .execute();
    expect(JSON.stringify(keys)).not.toContain('no-such-customer');
    // The read of the values records the purpose the provision serves.
    const read = (await ctx.audit.list({ customerId: live.id, limit: 20 })).find(
      (e) => e.action === 'item.readValue',
    );
    expect(read?.detail).toEqual({ for: 'provision', purpose: 'PURPOSE.REG.1b' });
  });

  it('refuses every item of a customer with a suspension of provision, citing it', async () => {
    await createRecipient(ctx, officer, buildRecipient());
    await recordDiligence(ctx, officer, { recipientId: 'print-co', diligence: inForce2026 });
    const suspended = await createCustomer(ctx, officer, buildCustomer());
    const free = await createCustomer(ctx, officer, buildCustomer());
    await recordSuspension(ctx, officer, {
      customerId: suspended.id,
      suspension: { kind: 'provision', from: '2025-06-01T00:00:00+09:00' },
    });
    const result = await provide(ctx, officer, {
      recipientId: 'print-co',
      customerIds: [suspended.id, free.id],
      itemCategories: ['name'],
      purpose: 'PURPOSE.REG.1c',
    });
    expect(result.provided.map((p) => p.customerId)).toEqual([free.id]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]).toMatchObject({ customerId: suspended.id, reason: 'denied' });
    expect(result.refused[0]?.clauses).toContain('REQUEST.SUSPEND_PROVISION');
    expect(await provisionRecordsFor(ctx, officer, suspended.id)).toEqual([]);
  });

  it('keeps a contract record until a year after the last provision, and purges only what ended', async () => {
    await createRecipient(ctx, officer, buildRecipient({ recordByContract: true }));
    await createRecipient(ctx, officer, buildRecipient({ id: 'mail-co' }));
    for (const id of ['print-co', 'mail-co']) {
      await recordDiligence(ctx, officer, {
        recipientId: id,
        diligence: buildDiligence({ expiresAt: '2030-01-01T00:00:00+09:00' }),
      });
    }
    const customer = await createCustomer(ctx, officer, buildCustomer());
    const to = (recipientId: string) =>
      provide(ctx, officer, {
        recipientId,
        customerIds: [customer.id],
        itemCategories: ['name'],
        purpose: 'PURPOSE.REG.1c',
      });
    await to('print-co');
    await to('mail-co');
    ctx.clock.advance(200 * DAY);
    await to('print-co');
    const ends = (await provisionRecordsFor(ctx, officer, customer.id))
      .map((r) => [r.recipient.id, r.retentionEnd])
      .sort();
    const lastPlusYear = new Date(TEST_NOW + 200 * DAY + 365 * DAY).toISOString();
    expect(ends).toEqual([
      ['mail-co', new Date(Date.parse('2029-01-10T00:00:00Z')).toISOString()],
      ['print-co', lastPlusYear],
      ['print-co', lastPlusYear],
    ]);
    ctx.clock.advance(365 * DAY);
    expect(await purgeProvisionRecords(ctx, officer, { dryRun: true })).toEqual({
      dryRun: true,
      due: 2,
      deleted: 0,
    });
    expect(await purgeProvisionRecords(ctx, officer)).toEqual({
      dryRun: false,
      due: 2,
      deleted: 2,
    });
    const left = await provisionRecordsFor(ctx, officer, customer.id);
    expect(left.map((r) => r.recipient.id)).toEqual(['mail-co']);
  });

  it('provides items chosen by id, and reports an id no listed customer holds', async () => {
    await createRecipient(ctx, officer, buildRecipient());
    await recordDiligence(ctx, officer, { recipientId: 'print-co', diligence: inForce2026 });
    const customer = await createCustomer(ctx, officer, buildCustomer());
    const other = await createCustomer(ctx, officer, buildCustomer());
    const result = await provide(ctx, officer, {
      recipientId: 'print-co',
      customerIds: [customer.id],
      itemIds: [customer.itemIds[0]!, other.itemIds[0]!],
      purpose: 'PURPOSE.REG.1c',
    });
    expect(result.provided).toEqual([
      { customerId: customer.id, items: [{ id: customer.itemIds[0], category: 'name' }] },
    ]);
    expect(result.refused).toEqual([
      {
        customerId: null,
        itemId: other.itemIds[0],
        category: null,
        reason: 'not_found',
        clauses: [],
      },
    ]);
  });

  it('lets an auditor read records but not provide or purge', async () => {
    const auditor = buildPrincipal({ role: 'auditor' });
    await expect(
      provide(ctx, auditor, {
        recipientId: 'docomo',
        customerIds: ['x'],
        itemCategories: ['email'],
        purpose: 'PURPOSE.REG.1b',
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(purgeProvisionRecords(ctx, auditor)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(provisionRecordsFor(ctx, auditor, 'x')).resolves.toEqual([]);
  });
});
