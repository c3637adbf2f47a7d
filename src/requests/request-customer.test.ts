import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HogoError } from '../errors/index.ts';
import { createCustomer, readCustomer, recordSuspension } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { fileRequest } from './file-request.ts';
import { fulfilRequest } from './fulfil-request.ts';
import { recordPayment } from './record-payment.ts';
import { requestCustomer } from './request-customer.ts';
import { startFulfilment } from './start-fulfilment.ts';
import { openRequestContext } from './test-support.ts';
import { verifyIdentity } from './verify-identity.ts';

const operator = buildPrincipal();

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HogoError) return e.code;
    throw e;
  }
  throw new Error('expected a HogoError');
}

describe.each(ENGINES)('reads for the customer’s own request on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  let customerId: string;
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
    customerId = (await createCustomer(ctx, operator, buildCustomer())).id;
    // The customer suspended every use the law allows: a read for a purpose is refused now.
    await recordSuspension(ctx, operator, {
      customerId,
      suspension: { kind: 'use', from: '2025-01-01T00:00:00+09:00' },
    });
  });
  afterEach(() => ctx.close());

  const inProgress = async (kind: string) => {
    const filed = await fileRequest(ctx, operator, {
      kind,
      customerId,
      requester: { type: 'customer' },
      channel: 'helpdesk',
    });
    await verifyIdentity(ctx, operator, { requestId: filed.id, method: 'callback' });
    return filed;
  };

  it('reads the values to correct on the amendment’s own basis, only while it is in progress', async () => {
    expect(
      await codeOf(readCustomer(ctx, operator, { customerId, purpose: 'PURPOSE.REG.2a' })),
    ).toBe('registry.read_denied');
    const filed = await inProgress('amendment');
    expect(await codeOf(requestCustomer(ctx, operator, { requestId: filed.id }))).toBe(
      'requests.not_in_progress',
    );
    await startFulfilment(ctx, operator, { requestId: filed.id });
    const view = await requestCustomer(ctx, operator, { requestId: filed.id });
    expect(view.items.find((i) => i.category === 'email')?.value).toBe('taro.yamada@example.jp');
    const read = (await ctx.audit.list({ customerId, limit: 50 })).find(
      (e) => e.action === 'item.readValue',
    );
    expect(read?.detail).toEqual({ basis: 'REQUEST.AMENDMENT', requestId: filed.id });
    const auditor = buildPrincipal({ id: 'user-auditor', role: 'auditor' });
    expect(await codeOf(requestCustomer(ctx, auditor, { requestId: filed.id }))).toBe(
      'auth.forbidden',
    );
  });

  it('shows no values for a kind whose fulfilment needs none', async () => {
    const deletion = await inProgress('deletion');
    await startFulfilment(ctx, operator, { requestId: deletion.id });
    const view = await requestCustomer(ctx, operator, { requestId: deletion.id });
    expect(view.items.every((i) => i.valueWithheld === true)).toBe(true);
  });

  it('fulfils a disclosure on its own basis though every use is suspended (APPI Art. 33)', async () => {
    const filed = await inProgress('disclosure');
    await recordPayment(ctx, operator, { requestId: filed.id, amount: filed.fee.total });
    await startFulfilment(ctx, operator, { requestId: filed.id });
    const result = await fulfilRequest(ctx, operator, { requestId: filed.id });
    expect(result.disclosure?.items.find((i) => i.category === 'email')?.value).toBe(
      'taro.yamada@example.jp',
    );
    const read = (await ctx.audit.list({ customerId, limit: 100 })).find(
      (e) => e.action === 'item.readValue',
    );
    expect(read?.detail).toMatchObject({ basis: 'REQUEST.DISCLOSURE', requestId: filed.id });
  });
});
