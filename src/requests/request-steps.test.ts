import { describe, expect, it } from 'vitest';
import { bundledPolicy } from '../policy/test-support.ts';
import { buildPrincipal } from '../registry/test-support.ts';
import type { CustomerRequest } from './customer-request.ts';
import { feeFor } from './fee-for.ts';
import { buildRequest } from './test-support.ts';
import { refusalGrounds } from './refusal-reason.ts';
import { requestSteps } from './request-steps.ts';
import { transition } from './transition.ts';

const operator = buildPrincipal();
const auditor = buildPrincipal({ id: 'user-auditor', role: 'auditor' });
const by = operator.id;
const at = Date.parse('2026-01-11T00:00:00Z');
const fee = feeFor(bundledPolicy(), { kind: 'REQUEST.DISCLOSURE', lines: 1 });
const refusal = { reason: 'notHeld', message: 'We hold no such data.' } as const;

describe('requestSteps', () => {
  it('offers each state of a charged disclosure exactly the steps the transition table allows', () => {
    let r: CustomerRequest = buildRequest({ kind: 'REQUEST.DISCLOSURE' });
    // Received: verified, or refused when the identity cannot be confirmed (Art. 36: told why).
    expect(requestSteps(r, operator)).toEqual(['verify', 'refuse', 'cancel']);
    r = transition(r, { type: 'verify', method: 'idDocument', by, at });
    // identityVerified, charged: the fee is requested by the API, not a step of the operator.
    expect(requestSteps(r, operator)).toEqual(['cancel']);
    r = transition(r, { type: 'requestFee', fee, by, at });
    expect(requestSteps(r, operator)).toEqual(['payment', 'refuse', 'cancel']);
    r = transition(r, { type: 'pay', amount: fee.total, reference: null, by, at });
    expect(requestSteps(r, operator)).toEqual(['start', 'cancel']);
    r = transition(r, { type: 'start', by, at });
    expect(requestSteps(r, operator)).toEqual(['fulfil', 'refuse', 'cancel']);
    const refused = transition(r, { type: 'refuse', refusal, by, at });
    expect(requestSteps(refused, operator)).toEqual(['notify']);
    expect(requestSteps(transition(refused, { type: 'notify', by, at }), operator)).toEqual([]);
  });

  it('lets a free kind start straight after the identity check', () => {
    const r = transition(buildRequest({ kind: 'REQUEST.DELETION', charged: false }), {
      type: 'verify',
      method: 'callback',
      by,
      at,
    });
    expect(requestSteps(r, operator)).toEqual(['start', 'cancel']);
  });

  it('offers nothing to a principal who may not manage requests', () => {
    expect(requestSteps(buildRequest({ kind: 'REQUEST.DISCLOSURE' }), auditor)).toEqual([]);
  });

  it('names the grounds a request may be refused on now, wholly or in part', () => {
    expect(refusalGrounds('REQUEST.DISCLOSURE', 'received')).toEqual({
      refuse: ['identityNotConfirmed'],
      partly: [],
    });
    expect(refusalGrounds('REQUEST.DISCLOSURE', 'feeDue').refuse).toEqual(['feeNotPaid']);
    expect(refusalGrounds('REQUEST.DISCLOSURE', 'inProgress').partly).toContain('notHeld');
    // A deletion is refused in part only on what retention keeps (RETAIN).
    const deletion = refusalGrounds('REQUEST.DELETION', 'inProgress');
    expect(deletion.refuse).toContain('alternativeMeasure');
    expect(deletion.partly).toEqual(['retainedByDuty', 'legalHold']);
  });
});
