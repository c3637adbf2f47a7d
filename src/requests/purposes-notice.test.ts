import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../http/test-app.ts';
import { createCustomer, decideForCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { openRequestContext } from './test-support.ts';

const system = buildPrincipal({ id: 'token-crm', kind: 'token', role: 'system' });

describe.each(ENGINES)('a notice of the purposes of use (APPI Art. 32(2)) on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  let app: FastifyInstance;
  let customerId: string;
  let itemIds: readonly string[];
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
    app = await testApp(ctx);
    const created = await createCustomer(ctx, buildPrincipal(), buildCustomer());
    customerId = created.id;
    itemIds = created.itemIds;
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });

  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await app.inject({
      method,
      url,
      headers: { 'x-test-role': 'operator' },
      ...(payload !== undefined ? { payload } : {}),
    });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  it.each(['ja', 'en'] as const)(
    'is filed, fulfilled free of charge and told in a letter in %s naming the purposes that apply',
    async (lang) => {
      const filed = await call('POST', '/v1/requests', {
        kind: 'purposes',
        customerId,
        requester: { type: 'customer' },
        channel: 'helpdesk',
        lang,
      });
      expect(filed).toMatchObject({ kind: 'REQUEST.PURPOSES', charged: false });
      await call('POST', `/v1/requests/${filed.id}/verify`, { method: 'callback' });
      await call('POST', `/v1/requests/${filed.id}/start`);
      const fulfilled = await call('POST', `/v1/requests/${filed.id}/fulfil`, {});
      const summary = fulfilled.request.outcome.summary as {
        purposesByCategory: { category: string; purposes: string[] }[];
      };
      expect(summary.purposesByCategory.map((c) => c.category).sort()).toEqual(
        ['email', 'name', 'phone'].sort(),
      );
      // Each listed purpose is exactly what `decide` permits for the item now.
      const email = summary.purposesByCategory.find((c) => c.category === 'email')!;
      const at = new Date(ctx.clock()).toISOString();
      for (const id of ctx.policy.purposes.keys()) {
        const p = ctx.policy.purposes.get(id)!;
        if (p.group !== 'REG' || p.kind !== 'listed') continue;
        const d = await decideForCustomer(ctx, system, {
          customerId,
          itemId: itemIds[1]!,
          purpose: id,
          at,
        });
        expect(email.purposes.includes(id), id).toBe(d.decision === 'permit');
      }
      expect(email.purposes).not.toContain('PURPOSE.REG.7');
      expect(email.purposes.length).toBeGreaterThan(0);

      await call('POST', `/v1/requests/${filed.id}/notify`);
      const { notices } = await call('GET', `/v1/outbox?requestId=${filed.id}`);
      expect(notices).toHaveLength(1);
      const letter = await call('GET', `/v1/outbox/${notices[0].id}`);
      const first = ctx.policy.purposes.get(email.purposes[0]!)!;
      expect(letter.body).toContain(
        lang === 'ja' ? (first.text.ja ?? first.text.en) : first.text.en,
      );
      expect(letter.body).toContain(
        lang === 'ja' ? '利用目的の通知' : 'Notice of the purposes of use',
      );
      const reg7 = ctx.policy.purposes.get('PURPOSE.REG.7')!;
      expect(letter.body).not.toContain(
        lang === 'ja' ? (reg7.text.ja ?? reg7.text.en) : reg7.text.en,
      );
    },
  );
});
