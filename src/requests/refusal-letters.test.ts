import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../http/test-app.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { REFUSAL_REASONS, type RefusalReasonCode } from './refusal-reason.ts';
import { openRequestContext } from './test-support.ts';

/** Where a refusal happens: before verification, while the fee is due, or once examined. */
type Stage = 'received' | 'feeDue' | 'inProgress';

interface Case {
  readonly kind: string;
  readonly stage: Stage;
  readonly reason: RefusalReasonCode;
  /** Refused only in part: the rest fulfilled (APPI Art. 36 applies to a partial refusal too). */
  readonly partly?: boolean;
}

// One case (or more) per family of kinds: disclosures, corrections (deletion included),
// suspensions, complaints and comments; whole and partial refusals; every stage a refusal has.
const CASES: readonly Case[] = [
  { kind: 'deletion', stage: 'inProgress', reason: 'noGroundForSuspension' },
  { kind: 'deletion', stage: 'inProgress', reason: 'contentAccurate' },
  { kind: 'deletion', stage: 'received', reason: 'identityNotConfirmed' },
  { kind: 'disclosure', stage: 'feeDue', reason: 'feeNotPaid' },
  { kind: 'disclosure', stage: 'inProgress', reason: 'harmToPerson' },
  { kind: 'disclosure', stage: 'inProgress', reason: 'violatesLaw', partly: true },
  { kind: 'provision-records', stage: 'inProgress', reason: 'notHeld' },
  { kind: 'amendment', stage: 'inProgress', reason: 'contentAccurate' },
  { kind: 'addition', stage: 'received', reason: 'identityNotConfirmed' },
  { kind: 'suspend-use', stage: 'inProgress', reason: 'alternativeMeasure' },
  { kind: 'suspend-provision', stage: 'inProgress', reason: 'noGroundForSuspension', partly: true },
  { kind: 'purposes', stage: 'inProgress', reason: 'purposesEvident' },
  { kind: 'complaint', stage: 'received', reason: 'identityNotConfirmed' },
  { kind: 'comment', stage: 'received', reason: 'identityNotConfirmed' },
];

describe.each(ENGINES)('every refusal ends in a letter with its ground, on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRequestContext>>;
  let app: FastifyInstance;
  let customerId: string;
  beforeEach(async () => {
    ctx = await openRequestContext(engine);
    app = await testApp(ctx);
    customerId = (await createCustomer(ctx, buildPrincipal(), buildCustomer())).id;
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });

  const post = async (url: string, payload?: object) => {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { 'x-test-role': 'operator' },
      ...(payload !== undefined ? { payload } : {}),
    });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const get = async (url: string) => {
    const res = await app.inject({ url, headers: { 'x-test-role': 'operator' } });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };

  /** Files a request and walks it to the stage where it is refused. */
  async function reach(kind: string, stage: Stage): Promise<string> {
    const filed = await post('/v1/requests', {
      kind,
      customerId,
      requester: { type: 'customer' },
      channel: 'helpdesk',
      lang: 'en',
    });
    const id = filed.id as string;
    if (stage === 'received') return id;
    const verified = await post(`/v1/requests/${id}/verify`, { method: 'callback' });
    if (stage === 'feeDue') {
      expect(verified.state).toBe('feeDue');
      return id;
    }
    if (verified.state === 'feeDue')
      await post(`/v1/requests/${id}/payment`, { amount: verified.fee.total });
    expect((await post(`/v1/requests/${id}/start`)).state).toBe('inProgress');
    return id;
  }

  it.each(CASES)(
    '$kind refused at $stage on $reason (partly: $partly)',
    async ({ kind, stage, reason, partly }) => {
      const id = await reach(kind, stage);
      const message = `Sentence for ${kind} on ${reason}.`;
      const refusal = { reason, message };
      const outcome = partly
        ? (await post(`/v1/requests/${id}/fulfil`, { partial: refusal })).request
        : await post(`/v1/requests/${id}/refuse`, { refusal });
      expect(outcome.state).toBe(partly ? 'partlyFulfilled' : 'refused');
      expect((await post(`/v1/requests/${id}/notify`)).state).toBe('notified');

      const { notices } = await get(`/v1/outbox?requestId=${id}`);
      expect(notices.map((n: { kind: string }) => n.kind)).toEqual(['request.outcome']);
      const letter = await get(`/v1/outbox/${notices[0].id}`);
      const ground = REFUSAL_REASONS[reason];
      expect(letter.body).toContain(ground.article);
      expect(letter.body).toContain(ground.text.en);
      expect(letter.body).toContain(message);
    },
  );
});
