import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HogoError } from '../errors/index.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { feeFor } from './fee-for.ts';
import { REFUSAL_REASON_CODES, REFUSAL_REASONS } from './refusal-reason.ts';
import type { RequestEvent } from './request-event.ts';
import { SHORT_KINDS } from './request-kind.ts';
import { buildRequest } from './test-support.ts';
import { allowedTarget } from './transition-table.ts';
import { transition } from './transition.ts';

const policy = bundledPolicy();
const acted = { at: Date.parse('2026-01-11T00:00:00Z'), by: 'user-operator' };
const refusal = fc.record({
  reason: fc.oneof(fc.constantFrom(...REFUSAL_REASON_CODES), fc.constant('whim')),
  message: fc.constantFrom('', 'We hold no such data.'),
});

/** Events of every type, with contents that are sometimes wrong. */
const event = (kind: string): fc.Arbitrary<RequestEvent> =>
  fc.oneof(
    fc.constant({ type: 'verify', method: 'helpdeskKnowledge', ...acted } as const),
    fc.constant({ type: 'requestFee', fee: feeFor(policy, { kind, lines: 1 }), ...acted } as const),
    fc.constantFrom(0, 1100).map((amount) => ({
      type: 'pay' as const,
      amount,
      reference: null,
      ...acted,
    })),
    fc.constant({ type: 'start', ...acted } as const),
    fc.constant({ type: 'fulfil', summary: null, ...acted } as const),
    refusal.map(
      (r) =>
        ({ type: 'fulfilPartly' as const, refusal: r, summary: null, ...acted }) as RequestEvent,
    ),
    refusal.map((r) => ({ type: 'refuse' as const, refusal: r, ...acted }) as RequestEvent),
    fc.constant({ type: 'notify', ...acted } as const),
    fc
      .constantFrom('', 'withdrawn')
      .map((reason) => ({ type: 'cancel' as const, reason, ...acted })),
  );

const scenario = fc
  .constantFrom(...Object.values(SHORT_KINDS))
  .chain((kind) => fc.tuple(fc.constant(kind), fc.array(event(kind), { maxLength: 25 })));

describe('transition (property)', () => {
  it('never reaches a state the table does not allow, and every refusal carries a ground', () => {
    fc.assert(
      fc.property(scenario, ([kind, events]) => {
        const fee = feeFor(policy, { kind, lines: 1 });
        let request = buildRequest({ kind, fee, charged: fee.total > 0 });
        for (const e of events) {
          const before = request;
          try {
            request = transition(request, e);
          } catch (error) {
            expect(error).toBeInstanceOf(HogoError);
            expect(request).toBe(before);
            continue;
          }
          expect(request.state).toBe(allowedTarget(before.state, e.type, before.charged));
          if (request.state === 'inProgress' && request.charged)
            expect(request.payment?.amount).toBe(request.fee.total);
          const o = request.outcome;
          if (o !== null && o.result !== 'fulfilled') {
            expect(o.refusal).not.toBeNull();
            const ground = REFUSAL_REASONS[o.refusal!.reason];
            expect(ground.kinds as readonly string[]).toContain(kind);
            expect(String(o.refusal!.message).trim()).not.toBe('');
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
