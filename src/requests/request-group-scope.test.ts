import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HogoError } from '../errors/index.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { fileRequest } from './file-request.ts';
import { listRequests } from './list-requests.ts';
import { requestDetail } from './request-detail.ts';
import { openRequestContext } from './test-support.ts';
import { verifyIdentity } from './verify-identity.ts';

const operator = buildPrincipal();
const othOnly = buildPrincipal({
  id: 'u-oth',
  scope: { categories: 'all', purposes: 'all', groups: new Set(['OTH']) },
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HogoError) return e.code;
    throw e;
  }
  return 'resolved';
}

describe.each(ENGINES)('requests within customer-set scopes (SECURITY.6) on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
  });
  afterEach(() => ctx.close());

  const file = (principal: typeof operator, customerId: string) =>
    fileRequest(ctx, principal, {
      kind: 'complaint',
      customerId,
      requester: { type: 'customer' },
      channel: 'helpdesk',
    });

  it('hides the requests of customers outside the groups as not found, and files none for them', async () => {
    const reg = await createCustomer(ctx, operator, buildCustomer());
    const oth = await createCustomer(ctx, operator, buildCustomer({ group: 'OTH' }));
    const regRequest = await file(operator, reg.id);
    const othRequest = await file(othOnly, oth.id);
    expect(await codeOf(file(othOnly, reg.id))).toBe('registry.not_found');

    expect((await listRequests(ctx, othOnly)).map((r) => r.id)).toEqual([othRequest.id]);
    expect((await listRequests(ctx, operator)).map((r) => r.id).sort()).toEqual(
      [regRequest.id, othRequest.id].sort(),
    );
    expect(await codeOf(requestDetail(ctx, othOnly, { requestId: regRequest.id }))).toBe(
      'requests.not_found',
    );
    expect(
      await codeOf(verifyIdentity(ctx, othOnly, { requestId: regRequest.id, method: 'callback' })),
    ).toBe('requests.not_found');
    expect(
      (await verifyIdentity(ctx, othOnly, { requestId: othRequest.id, method: 'callback' })).state,
    ).toBe('identityVerified');
  });
});
