import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomer } from '../registry/index.ts';
import { buildItem, buildPrincipal } from '../registry/test-support.ts';
import { openWebTestApp, buildWebCustomer } from '../requests/web-test-support.ts';
import { createApiToken } from '../security/tokens/create-api-token.ts';
import { ENGINES } from '../store/test-engines.ts';

const POLICE = {
  id: 'police',
  kind: 'authority',
  legalName: 'Metropolitan Police Department',
  address: '2-1-1 Kasumigaseki, Chiyoda-ku, Tokyo',
  representative: 'Superintendent General',
  country: 'JP',
};
const PRINT = {
  id: 'print-co',
  kind: 'subcontractor',
  legalName: 'Print Co., Ltd.',
  address: '1-1 Otemachi, Chiyoda-ku, Tokyo',
  representative: 'Representative Director',
  country: 'JP',
};
const IN_FORCE = {
  agreementReference: 'AGR-2026-001',
  measures: ['ISMS certified'],
  verifiedAt: '2025-12-01T00:00:00+09:00',
  expiresAt: '2027-01-01T00:00:00+09:00',
};
const INQUIRY = {
  recipientId: 'police',
  legalGround: 'CRIMINAL_INVESTIGATION',
  legalBasis: 'Code of Criminal Procedure Art. 197(2)',
  documentReference: 'inquiry 2026-15',
};

describe.each(ENGINES)('provisions as the law has them (issue 11: 3–6) on $name', (engine) => {
  let t: Awaited<ReturnType<typeof openWebTestApp>>;
  let customerId: string;
  beforeEach(async () => {
    t = await openWebTestApp(engine);
    const input = buildWebCustomer('taro@example.jp');
    const created = await createCustomer(t.ctx, buildPrincipal(), {
      ...input,
      items: [
        ...(input.items ?? []),
        buildItem({ category: 'myNumber', value: '123456789018', channel: 'writing' }),
        buildItem({
          category: 'callRecording',
          value: 'rec-2026-0001.wav',
          channel: 'audio',
          recording: { retentionEnd: '2027-01-01T00:00:00+09:00' },
        }),
      ],
    });
    customerId = created.id;
    const officer = t.staff('privacyOfficer');
    for (const r of [POLICE, PRINT]) {
      expect(
        (await t.call('POST', '/v1/recipients', { token: officer, payload: r })).statusCode,
      ).toBe(201);
    }
    await t.call('POST', '/v1/recipients/print-co/diligence', {
      token: officer,
      payload: IN_FORCE,
    });
  });
  afterEach(() => t.close());
  const ledger = async () =>
    (
      await t.call('GET', `/v1/customers/${customerId}/provisions`, { token: t.staff('auditor') })
    ).json() as {
      clause: string;
      legalGround: string | null;
      approvedBy: string | null;
      statutory: boolean;
      purpose: string | null;
      itemCategories: string[];
    }[];

  it('provides to the police on a legal ground, with no purpose and My Number, only once a second person approves', async () => {
    const ask = (payload: object) =>
      t.call('POST', '/v1/legal-provisions', { token: t.staff('operator'), payload });
    const noPurpose = {
      ...INQUIRY,
      customerIds: [customerId],
      itemCategories: ['name', 'myNumber'],
    };
    // A purpose of §3 is no ground for a provision required by law (APPI Art. 18(3)(i)).
    const withPurpose = await ask({ ...noPurpose, purpose: 'PURPOSE.REG.4' });
    expect([withPurpose.statusCode, withPurpose.json().error.code]).toEqual([
      400,
      'provision.purpose_not_allowed',
    ]);
    // My Number only where a ground of My Number Act Art. 19 allows it.
    const bar = await ask({ ...noPurpose, legalGround: 'BAR_INQUIRY' });
    expect([bar.statusCode, bar.json().error]).toEqual([
      400,
      expect.objectContaining({ code: 'provision.category_not_allowed', category: 'myNumber' }),
    ]);
    const unknown = await ask({ ...noPurpose, legalGround: 'CURIOSITY' });
    expect([unknown.statusCode, unknown.json().error.field]).toEqual([400, 'legalGround']);
    // The ordinary route refuses it: it would skip the approval.
    const direct = await t.call('POST', '/v1/provisions', {
      token: t.staff('operator'),
      payload: noPurpose,
    });
    expect(direct.json().error.code).toBe('provision.invalid_recipient');

    const asked = await ask(noPurpose);
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({
      state: 'awaitingApproval',
      legalGround: 'CRIMINAL_INVESTIGATION',
    });
    expect(await ledger()).toEqual([]);
    const id = asked.json().id as string;
    // Four eyes: the one who asked cannot approve.
    const self = await t.call('POST', `/v1/legal-provisions/${id}/approve`, {
      token: t.staff('operator'),
      payload: {},
    });
    expect([self.statusCode, self.json().error.code]).toEqual([
      403,
      'provision.approval_by_requester',
    ]);
    expect(await ledger()).toEqual([]);
    const approved = await t.call('POST', `/v1/legal-provisions/${id}/approve`, {
      token: t.staff('privacyOfficer'),
      payload: { values: true },
    });
    expect(approved.statusCode).toBe(200);
    const items = approved.json().provision.provided[0].items as {
      category: string;
      value?: string;
    }[];
    expect(items.map((i) => i.category).sort()).toEqual(['myNumber', 'name']);
    expect(items.find((i) => i.category === 'myNumber')?.value).toBe('123456789018');
    const again = await t.call('POST', `/v1/legal-provisions/${id}/approve`, {
      token: t.staff('privacyOfficer'),
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    // Recorded for the company's own audit, marked as no Art. 29 record (Art. 27(1)).
    expect(await ledger()).toEqual([
      expect.objectContaining({
        clause: 'PROVIDE.AUTHORITY',
        legalGround: 'CRIMINAL_INVESTIGATION',
        approvedBy: expect.stringMatching(/.+/),
        statutory: false,
        purpose: null,
        itemCategories: ['myNumber', 'name'],
      }),
    ]);
  });

  it('withholds the police provision from the customer’s packages, stating the ground', async () => {
    const asked = await t.call('POST', '/v1/legal-provisions', {
      token: t.staff('operator'),
      payload: { ...INQUIRY, customerIds: [customerId], itemCategories: ['name', 'phone'] },
    });
    await t.call('POST', `/v1/legal-provisions/${asked.json().id}/approve`, {
      token: t.staff('privacyOfficer'),
      payload: {},
    });
    const sub = await t.call('POST', '/v1/provisions', {
      token: t.staff('operator'),
      payload: {
        recipientId: 'print-co',
        customerIds: [customerId],
        itemCategories: ['address'],
        purpose: 'PURPOSE.REG.1c',
      },
    });
    expect(sub.statusCode).toBe(200);
    expect((await ledger()).map((r) => r.clause).sort()).toEqual([
      'PROVIDE.AUTHORITY',
      'PROVIDE.SUBCONTRACTOR',
    ]);
    const token = await t.verify('taro@example.jp', 'ja');
    for (const kind of ['provision-records', 'disclosure'] as const) {
      const filed = (
        await t.call('POST', '/v1/public/requests', {
          token,
          payload: {
            kind,
            requester: { type: 'customer' },
            lang: 'ja',
            ...(kind === 'disclosure' ? { deliveryMethod: 'electronic' } : {}),
          },
        })
      ).json();
      if (kind === 'disclosure') {
        await t.staffStep(filed.id, 'payment', { amount: filed.fee.total });
      }
      await t.staffStep(filed.id, 'start');
      const fulfilled = await t.call('POST', `/v1/requests/${filed.id}/fulfil`, {
        token: t.staff('privacyOfficer'),
        payload: {},
      });
      expect([kind, fulfilled.statusCode, fulfilled.body.slice(0, 300)]).toEqual([
        kind,
        200,
        expect.any(String),
      ]);
      const pkg = (
        await t.call('GET', `/v1/public/requests/${filed.id}/package`, { token })
      ).json();
      const records = (pkg.records ?? pkg.provisionRecords) as { clause: string }[];
      expect(records.map((r) => r.clause)).toEqual(['PROVIDE.SUBCONTRACTOR']);
      expect(JSON.stringify(pkg)).not.toMatch(/inquiry 2026-15|Metropolitan Police|197\(2\)/);
      expect(pkg.withheldRecords).toEqual([
        expect.objectContaining({
          clause: 'PROVIDE.AUTHORITY',
          law: expect.stringContaining('Art. 33(5)'),
        }),
      ]);
      const html = await t.call('GET', `/v1/public/requests/${filed.id}/package?format=html`, {
        token,
      });
      expect(html.body).toContain('個人情報保護法第33条第5項');
      expect(html.body).not.toContain('Metropolitan Police');
    }
  });

  it('refuses a provision outside the principal’s scope, recording nothing', async () => {
    const { secret } = await createApiToken(
      t.ctx,
      { label: 'scoped', role: 'operator', categories: ['name'], purposes: ['PURPOSE.REG.1c'] },
      'test',
    );
    const provide = (payload: object) =>
      t.call('POST', '/v1/provisions', {
        token: secret,
        payload: {
          recipientId: 'print-co',
          customerIds: [customerId],
          purpose: 'PURPOSE.REG.1c',
          ...payload,
        },
      });
    const phone = await provide({ itemCategories: ['phone'] });
    expect([phone.statusCode, phone.json().error]).toEqual([
      403,
      expect.objectContaining({ code: 'provision.out_of_scope', category: 'phone' }),
    ]);
    const purpose = await provide({ itemCategories: ['name'], purpose: 'PURPOSE.REG.3' });
    expect([purpose.statusCode, purpose.json().error.field]).toEqual([403, 'purpose']);
    const customer = (
      await t.call('GET', `/v1/customers/${customerId}`, { token: t.staff('auditor') })
    ).json();
    const phoneId = (customer.items as { id: string; category: string }[]).find(
      (i) => i.category === 'phone',
    )!.id;
    const byId = await provide({ itemIds: [phoneId] });
    expect(byId.json().error?.code).toBe('provision.out_of_scope');
    expect(await ledger()).toEqual([]);
    expect((await provide({ itemCategories: ['name'] })).statusCode).toBe(200);
    expect(await ledger()).toHaveLength(1);
  });

  it('lets a call recording serve only the purposes of OBTAIN.CALLS', async () => {
    const provide = (purpose: string) =>
      t.call('POST', '/v1/provisions', {
        token: t.staff('operator'),
        payload: {
          recipientId: 'print-co',
          customerIds: [customerId],
          itemCategories: ['callRecording'],
          purpose,
        },
      });
    const promotion = await provide('PURPOSE.REG.2a');
    expect(promotion.json().provided).toEqual([]);
    expect(promotion.json().refused).toEqual([
      expect.objectContaining({
        category: 'callRecording',
        reason: 'denied',
        clauses: expect.arrayContaining(['OBTAIN.CALLS']),
      }),
    ]);
    const improvement = await provide('PURPOSE.REG.3');
    expect(
      improvement.json().provided[0].items.map((i: { category: string }) => i.category),
    ).toEqual(['callRecording']);
    const customer = (
      await t.call('GET', `/v1/customers/${customerId}`, { token: t.staff('auditor') })
    ).json();
    const recording = (customer.items as { id: string; category: string }[]).find(
      (i) => i.category === 'callRecording',
    )!.id;
    const decided = await t.call('POST', '/v1/decide', {
      token: t.staff('operator'),
      payload: {
        customerId,
        itemId: recording,
        purpose: 'PURPOSE.REG.5',
        at: '2026-01-10T09:00:00+09:00',
      },
    });
    expect(decided.json()).toMatchObject({
      decision: 'deny',
      clauses: expect.arrayContaining(['OBTAIN.CALLS']),
    });
  });
});
