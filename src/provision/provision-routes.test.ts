import { testApp as buildTestApp } from '../http/test-app.ts';
import { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer } from '../registry/test-support.ts';
import type { RoleName } from '../security/principal.ts';
import { tempDir } from '../security/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { purgeAdExports } from './purge-ad-exports.ts';
import { approvedExport } from '../governance/test-support.ts';
import {
  buildDiligence,
  buildOfficer,
  buildRecipient,
  openProvisionContext,
} from './test-support.ts';

/** The real app with ads exported to a temporary folder; the `x-test-role` header is the principal. */
async function testApp(ctx: Awaited<ReturnType<typeof openProvisionContext>>) {
  return buildTestApp(ctx, { adsSettings: { exportDir: tempDir(), deleteAfterDays: 7 } });
}

describe.each(ENGINES)('provision over HTTP on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openProvisionContext>>;
  let app: FastifyInstance;
  beforeEach(async () => {
    ctx = await openProvisionContext(engine);
    app = await testApp(ctx);
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });
  const as = (role: RoleName) => ({ 'x-test-role': role });

  it('manages recipients and their diligence, by role', async () => {
    const denied = await app.inject({
      method: 'POST',
      url: '/v1/recipients',
      headers: as('operator'),
      payload: buildRecipient(),
    });
    expect(denied.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/v1/recipients',
      headers: as('privacyOfficer'),
      payload: buildRecipient(),
    });
    expect(created.statusCode).toBe(201);
    const diligence = await app.inject({
      method: 'POST',
      url: '/v1/recipients/print-co/diligence',
      headers: as('privacyOfficer'),
      payload: buildDiligence(),
    });
    expect(diligence.statusCode).toBe(201);
    const patched = await app.inject({
      method: 'PATCH',
      url: '/v1/recipients/print-co',
      headers: as('privacyOfficer'),
      payload: { recordByContract: true },
    });
    expect(patched.json()).toMatchObject({
      recordByContract: true,
      diligence: { agreementReference: 'AGR-2025-001' },
    });
    const list = await app.inject({ method: 'GET', url: '/v1/recipients', headers: as('auditor') });
    expect((list.json() as { id: string }[]).map((r) => r.id)).toContain('print-co');
    const gone = await app.inject({
      method: 'DELETE',
      url: '/v1/recipients/print-co',
      headers: as('privacyOfficer'),
    });
    expect(gone.statusCode).toBe(204);
    const missing = await app.inject({
      method: 'GET',
      url: '/v1/recipients/print-co',
      headers: as('auditor'),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses a provision to an authority without legal basis (422), and an auditor (403)', async () => {
    await createRecipient();
    const customer = await createCustomer(ctx, buildOfficer(), buildCustomer());
    const payload = {
      recipientId: 'police',
      customerIds: [customer.id],
      itemCategories: ['name'],
      legalGround: 'CRIMINAL_INVESTIGATION',
    };
    const noBasis = await app.inject({
      method: 'POST',
      url: '/v1/legal-provisions',
      headers: as('operator'),
      payload,
    });
    expect(noBasis.statusCode).toBe(422);
    expect(noBasis.json()).toMatchObject({
      error: { code: 'provision.legal_basis_required', clauses: ['PROVIDE.AUTHORITY'] },
    });
    const auditor = await app.inject({
      method: 'POST',
      url: '/v1/legal-provisions',
      headers: as('auditor'),
      payload,
    });
    expect(auditor.statusCode).toBe(403);
    const asked = await app.inject({
      method: 'POST',
      url: '/v1/legal-provisions',
      headers: as('operator'),
      payload: { ...payload, legalBasis: 'CCP Art. 197(2)', documentReference: 'inquiry 15' },
    });
    expect(asked.statusCode).toBe(202);
    const ok = await app.inject({
      method: 'POST',
      url: `/v1/legal-provisions/${asked.json().id as string}/approve`,
      headers: as('privacyOfficer'),
      payload: {},
    });
    expect(ok.statusCode).toBe(200);
    const records = await app.inject({
      method: 'GET',
      url: `/v1/customers/${customer.id}/provisions`,
      headers: as('auditor'),
    });
    expect(records.json()).toMatchObject([
      {
        clause: 'PROVIDE.AUTHORITY',
        recipient: { id: 'police' },
        approvedBy: 'test-privacyOfficer',
      },
    ]);
  });

  it('exports an audience and shows its receipt', async () => {
    await createCustomer(ctx, buildOfficer(), buildCustomer());
    const created = await app.inject({
      method: 'POST',
      url: '/v1/ads/exports',
      headers: as('privacyOfficer'),
      payload: { platform: 'google', approvalId: await approvedExport(ctx, 'adExport', 'google') },
    });
    expect(created.statusCode).toBe(201);
    const { exportId } = created.json() as { exportId: string };
    const receipt = await app.inject({
      method: 'GET',
      url: `/v1/ads/exports/${exportId}`,
      headers: as('auditor'),
    });
    expect(receipt.json()).toMatchObject({
      exportId,
      platform: 'google',
      customers: { included: 1 },
    });
    const operator = await app.inject({
      method: 'POST',
      url: '/v1/ads/exports',
      headers: as('operator'),
      payload: { platform: 'google' },
    });
    expect(operator.statusCode).toBe(403);
  });

  it('lists ad exports newest first, a page at a time, for those who read provisions', async () => {
    await createCustomer(ctx, buildOfficer(), buildCustomer());
    const ids: string[] = [];
    for (const platform of ['google', 'meta', 'yahoo']) {
      const created = await app.inject({
        method: 'POST',
        url: '/v1/ads/exports',
        headers: as('privacyOfficer'),
        payload: { platform, approvalId: await approvedExport(ctx, 'adExport', platform) },
      });
      expect(created.statusCode).toBe(201);
      ids.push((created.json() as { exportId: string }).exportId);
      ctx.clock.advance(1_000);
    }
    const first = await app.inject({
      method: 'GET',
      url: '/v1/ads/exports?limit=2',
      headers: as('auditor'),
    });
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as {
      exports: { exportId: string; platform: string; deletedAt: string | null }[];
      nextCursor: string | null;
    };
    expect(page1.exports.map((e) => e.platform)).toEqual(['yahoo', 'meta']);
    expect(page1.exports[0]).toMatchObject({ customers: { considered: 1 }, deletedAt: null });
    expect(page1.nextCursor).not.toBeNull();
    const second = await app.inject({
      method: 'GET',
      url: `/v1/ads/exports?limit=2&cursor=${encodeURIComponent(page1.nextCursor!)}`,
      headers: as('operator'),
    });
    const page2 = second.json() as typeof page1;
    expect(page2.exports.map((e) => e.exportId)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();
    // The list holds the same receipt the single read gives.
    const one = await app.inject({
      method: 'GET',
      url: `/v1/ads/exports/${ids[0]}`,
      headers: as('auditor'),
    });
    expect(page2.exports[0]).toEqual(one.json());
    // ADS.DELETE_AFTER_MATCH: once the files are purged, the list says when.
    ctx.clock.advance(8 * 86_400_000);
    await purgeAdExports(ctx, buildOfficer());
    const purged = await app.inject({
      method: 'GET',
      url: '/v1/ads/exports',
      headers: as('auditor'),
    });
    const deletedAt = new Date(ctx.clock()).toISOString();
    expect((purged.json() as typeof page1).exports.map((e) => e.deletedAt)).toEqual([
      deletedAt,
      deletedAt,
      deletedAt,
    ]);
    const badCursor = await app.inject({
      method: 'GET',
      url: '/v1/ads/exports?cursor=nope',
      headers: as('auditor'),
    });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json()).toMatchObject({ error: { code: 'ads.invalid_cursor' } });
    const tooMany = await app.inject({
      method: 'GET',
      url: '/v1/ads/exports?limit=1000',
      headers: as('auditor'),
    });
    expect(tooMany.statusCode).toBe(400);
    const requester = await app.inject({
      method: 'GET',
      url: '/v1/ads/exports',
      headers: as('requester'),
    });
    expect(requester.statusCode).toBe(403);
  });

  async function createRecipient() {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/recipients',
      headers: as('privacyOfficer'),
      payload: buildRecipient({
        id: 'police',
        kind: 'authority',
        legalName: 'Metropolitan Police',
      }),
    });
    expect(res.statusCode).toBe(201);
  }
});
