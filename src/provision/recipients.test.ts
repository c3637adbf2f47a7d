import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { createRecipient } from './create-recipient.ts';
import { listRecipients } from './list-recipients.ts';
import { readRecipient } from './read-recipient.ts';
import { recordDiligence } from './record-diligence.ts';
import { requireDiligence } from './require-diligence.ts';
import { requireRecipient } from './recipient-rows.ts';
import {
  buildDiligence,
  buildOfficer,
  buildRecipient,
  openProvisionContext,
} from './test-support.ts';
import { updateRecipient } from './update-recipient.ts';

describe.each(ENGINES)('recipients on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openProvisionContext>>;
  const officer = buildOfficer();
  beforeEach(async () => {
    ctx = await openProvisionContext(engine);
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('starts with the three ad platforms in the US and the two claims collectors', async () => {
    const all = await listRecipients(ctx, officer);
    expect(all.map((r) => [r.id, r.kind, r.country])).toEqual([
      ['docomo', 'claimsCollector', 'JP'],
      ['google', 'adPlatform', 'US'],
      ['meta', 'adPlatform', 'US'],
      ['ntt-finance', 'claimsCollector', 'JP'],
      ['yahoo', 'adPlatform', 'US'],
    ]);
  });

  it('creates, updates and keeps every verification of a recipient', async () => {
    await createRecipient(ctx, officer, buildRecipient());
    await expect(createRecipient(ctx, officer, buildRecipient())).rejects.toMatchObject({
      code: 'provision.conflict',
    });
    const updated = await updateRecipient(ctx, officer, {
      recipientId: 'print-co',
      changes: { recordByContract: true, protectionRegime: 'APPI' },
    });
    expect(updated).toMatchObject({ recordByContract: true, protectionRegime: 'APPI' });
    await recordDiligence(ctx, officer, { recipientId: 'print-co', diligence: buildDiligence() });
    await recordDiligence(ctx, officer, {
      recipientId: 'print-co',
      diligence: buildDiligence({
        agreementReference: 'AGR-2026-001',
        verifiedAt: '2026-01-05T00:00:00+09:00',
        expiresAt: '2027-01-05T00:00:00+09:00',
      }),
    });
    const detail = await readRecipient(ctx, officer, 'print-co');
    expect(detail.diligenceHistory.map((d) => d.agreementReference)).toEqual([
      'AGR-2025-001',
      'AGR-2026-001',
    ]);
    expect(detail.diligence?.agreementReference).toBe('AGR-2026-001');
  });

  it('refuses a provision to a subcontractor whose diligence expired (PROVIDE.DUE_DILIGENCE)', async () => {
    await createRecipient(ctx, officer, buildRecipient());
    await recordDiligence(ctx, officer, { recipientId: 'print-co', diligence: buildDiligence() });
    const row = await requireRecipient(ctx.store.db, 'print-co');
    await expect(
      requireDiligence(ctx.store.db, row, Date.parse('2025-06-01T00:00:00+09:00')),
    ).resolves.toBeUndefined();
    await expect(
      requireDiligence(ctx.store.db, row, Date.parse('2026-01-01T00:00:00+09:00')),
    ).rejects.toMatchObject({
      code: 'provision.diligence_missing',
      details: { clauses: ['PROVIDE.DUE_DILIGENCE'] },
    });
  });

  it('says a diligence ended when a newer verification ended the agreement an older, longer one covered, as provision refuses', async () => {
    await createRecipient(ctx, officer, buildRecipient());
    await recordDiligence(ctx, officer, {
      recipientId: 'print-co',
      diligence: buildDiligence({
        agreementReference: 'AGR-LONG',
        verifiedAt: '2025-06-01T00:00:00+09:00',
        expiresAt: '2026-12-31T00:00:00+09:00',
      }),
    });
    const recorded = await recordDiligence(ctx, officer, {
      recipientId: 'print-co',
      diligence: buildDiligence({
        agreementReference: 'AGR-ENDED',
        verifiedAt: '2025-12-01T00:00:00+09:00',
        expiresAt: '2026-01-05T00:00:00+09:00',
      }),
    });
    const row = await requireRecipient(ctx.store.db, 'print-co');
    await expect(requireDiligence(ctx.store.db, row, ctx.clock())).rejects.toMatchObject({
      code: 'provision.diligence_missing',
    });
    const listed = (await listRecipients(ctx, officer)).find((r) => r.id === 'print-co');
    const detail = await readRecipient(ctx, officer, 'print-co');
    for (const view of [recorded, listed, detail]) {
      expect(view?.diligenceStatus.status).toBe('expired');
      expect(view?.diligenceStatus.record?.agreementReference).toBe('AGR-ENDED');
    }
  });

  it('says a diligence is in force while the latest verification holds, and missing or not required without one', async () => {
    await createRecipient(ctx, officer, buildRecipient());
    await recordDiligence(ctx, officer, {
      recipientId: 'print-co',
      diligence: buildDiligence({
        agreementReference: 'AGR-NOW',
        verifiedAt: '2026-01-01T00:00:00+09:00',
        expiresAt: '2027-01-01T00:00:00+09:00',
      }),
    });
    const all = await listRecipients(ctx, officer);
    const status = (id: string) => all.find((r) => r.id === id)?.diligenceStatus;
    expect(status('print-co')).toMatchObject({
      status: 'inForce',
      record: { agreementReference: 'AGR-NOW' },
    });
    expect(status('docomo')).toEqual({ status: 'missing', record: null });
    expect(status('google')).toEqual({ status: 'notRequired', record: null });
  });

  it('refuses a claims collector without any diligence, and lets an ad platform pass', async () => {
    const docomo = await requireRecipient(ctx.store.db, 'docomo');
    await expect(requireDiligence(ctx.store.db, docomo, ctx.clock())).rejects.toMatchObject({
      code: 'provision.diligence_missing',
    });
    const google = await requireRecipient(ctx.store.db, 'google');
    await expect(requireDiligence(ctx.store.db, google, ctx.clock())).resolves.toBeUndefined();
  });

  it('lets only a role with provision.manage change recipients', async () => {
    await expect(
      createRecipient(ctx, buildPrincipal({ role: 'auditor' }), buildRecipient()),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(
      recordDiligence(ctx, buildPrincipal(), {
        recipientId: 'docomo',
        diligence: buildDiligence(),
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
