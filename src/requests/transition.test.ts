import { describe, expect, it } from 'vitest';
import { HogoError } from '../errors/index.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import type { CustomerRequest } from './customer-request.ts';
import { feeFor } from './fee-for.ts';
import type { RequestEvent } from './request-event.ts';
import { buildRequest } from './test-support.ts';
import type { Refusal } from './refusal-reason.ts';
import type { RequestState } from './request-state.ts';
import { transition } from './transition.ts';

const by = 'user-operator';
const at = Date.parse('2026-01-11T00:00:00Z');
const fee = feeFor(bundledPolicy(), { kind: 'disclosure', lines: 1 });
const refusal = { reason: 'notHeld', message: 'We hold no such data.' } as const;

const run = (r: CustomerRequest, events: readonly RequestEvent[]) => events.reduce(transition, r);

function errorOf(fn: () => unknown): HogoError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HogoError) return e;
  }
  throw new Error('expected a HogoError');
}

describe('transition', () => {
  it('takes a charged disclosure through fee and payment to notified', () => {
    const done = run(buildRequest(), [
      { type: 'verify', method: 'helpdeskKnowledge', at, by },
      { type: 'requestFee', fee, at, by },
      { type: 'pay', amount: 1100, reference: 'R-1', at, by },
      { type: 'start', at, by },
      { type: 'fulfil', summary: { items: 3 }, at, by },
      { type: 'notify', at, by },
    ]);
    expect(done).toMatchObject({
      state: 'notified',
      payment: { amount: 1100 },
      outcome: { result: 'fulfilled', refusal: null },
      closedAt: at,
    });
  });

  it('takes a free kind from identityVerified straight to inProgress', () => {
    const r = run(buildRequest({ kind: 'REQUEST.DELETION', charged: false }), [
      { type: 'verify', method: 'idDocument', at, by },
      { type: 'start', at, by },
    ]);
    expect(r.state).toBe('inProgress');
  });

  it('refuses to start a charged request before payment, naming state and event', () => {
    const verified = transition(buildRequest(), { type: 'verify', method: 'x', at, by });
    const e = errorOf(() => transition(verified, { type: 'start', at, by }));
    expect(e.code).toBe('requests.illegal_transition');
    expect(e.details).toEqual({ state: 'identityVerified', event: 'start' });
    expect(e.message).toContain('identityVerified');
  });

  it('refuses to charge a free kind', () => {
    const verified = transition(buildRequest({ kind: 'REQUEST.COMMENT', charged: false }), {
      type: 'verify',
      method: 'x',
      at,
      by,
    });
    expect(errorOf(() => transition(verified, { type: 'requestFee', fee, at, by })).code).toBe(
      'requests.illegal_transition',
    );
  });

  it('refuses a payment that differs from the fee', () => {
    const due = run(buildRequest(), [
      { type: 'verify', method: 'x', at, by },
      { type: 'requestFee', fee, at, by },
    ]);
    expect(
      errorOf(() => transition(due, { type: 'pay', amount: 1000, reference: null, at, by })).code,
    ).toBe('requests.invalid_payment');
  });

  it('records a partial fulfilment with its ground and keeps the old request unchanged', () => {
    const started = buildRequest({ state: 'inProgress' });
    const partly = transition(started, { type: 'fulfilPartly', refusal, summary: null, at, by });
    expect(partly.outcome).toMatchObject({ result: 'partlyFulfilled', refusal });
    expect(started.outcome).toBeNull();
  });

  it('refuses before examination only for identity (received) or an unpaid fee (feeDue)', () => {
    const refuse =
      (state: RequestState, reason: string, charged = true) =>
      () =>
        transition(buildRequest({ state, charged }), {
          type: 'refuse',
          refusal: { reason, message: 'Sorry.' } as Refusal,
          at,
          by,
        });
    expect(refuse('received', 'identityNotConfirmed')().state).toBe('refused');
    expect(refuse('feeDue', 'feeNotPaid')().state).toBe('refused');
    // A ground on the merits needs an examination first; an identity ground comes before it.
    expect(errorOf(refuse('received', 'notHeld')).code).toBe('requests.invalid_refusal_reason');
    expect(errorOf(refuse('feeDue', 'identityNotConfirmed')).code).toBe(
      'requests.invalid_refusal_reason',
    );
    const started = buildRequest({ state: 'inProgress' });
    expect(
      errorOf(() =>
        transition(started, {
          type: 'refuse',
          refusal: { reason: 'feeNotPaid', message: 'Sorry.' },
          at,
          by,
        }),
      ).code,
    ).toBe('requests.invalid_refusal_reason');
  });

  it('refuses a refusal without a ground of the law, with a foreign ground, or without a sentence', () => {
    const started = buildRequest({ state: 'inProgress' });
    const refuse = (r: { reason: string; message: string }) => () =>
      transition(started, { type: 'refuse', refusal: r as typeof refusal, at, by });
    expect(errorOf(refuse({ reason: 'whim', message: 'no' })).code).toBe(
      'requests.refusal_reason_required',
    );
    expect(errorOf(refuse({ reason: 'contentAccurate', message: 'no' })).code).toBe(
      'requests.invalid_refusal_reason',
    );
    expect(errorOf(refuse({ reason: 'notHeld', message: ' ' })).code).toBe(
      'requests.refusal_message_required',
    );
  });

  it('allows cancelling before an outcome, not after', () => {
    const cancel = { type: 'cancel', reason: 'withdrawn by the customer', at, by } as const;
    expect(transition(buildRequest({ state: 'feePaid' }), cancel).state).toBe('cancelled');
    expect(errorOf(() => transition(buildRequest({ state: 'fulfilled' }), cancel)).code).toBe(
      'requests.illegal_transition',
    );
  });
});
