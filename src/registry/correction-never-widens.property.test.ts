import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { CHANNELS } from './channels.ts';
import { createCustomer } from './create-customer.ts';
import { decideForCustomers } from './decide-for-customers.ts';
import { buildCustomer, buildPrincipal, openRegistryContext } from './test-support.ts';
import { updateItem } from './update-item.ts';

const operator = buildPrincipal();
const system = buildPrincipal({ id: 'token-crm', kind: 'token', role: 'system' });
const AT = '2026-01-10T09:00:00+09:00';
const DAY = 86_400_000;
const FROM = Date.parse('2019-04-02T00:00:00+09:00');
const TO = Date.parse('2026-01-09T00:00:00+09:00');

const instant = fc.integer({ min: 0, max: Math.floor((TO - FROM) / DAY) }).map((d) => {
  // Some days land on the transition (2022-06-30 / 07-01 Japan time), where REG.7 turns.
  return new Date(FROM + d * DAY + 13 * 3_600_000).toISOString();
});
const valueOf = (category: string, n: number) =>
  category === 'email'
    ? `user${n}@example.jp`
    : category === 'phone'
      ? `090${String(10_000_000 + n).slice(-8)}`
      : `山田\u3000${'太郎花子一郎'.slice(n % 5, (n % 5) + 2)}`;
const provenance = fc.oneof(
  fc.constant({ source: 'direct' as const }),
  fc.constant({ source: 'indirect' as const, provider: 'docomo' }),
);

/** An item as registered: category, when, under which service, from whom, by which channel. */
const itemArb = fc.record({
  group: fc.constantFrom('REG', 'OTH'),
  category: fc.constantFrom('email', 'phone', 'name'),
  n: fc.nat({ max: 9_999_999 }),
  acquiredAt: instant,
  transferred: fc.boolean(),
  underService: fc.boolean(),
  channel: fc.constantFrom(...CHANNELS.filter((c) => c !== 'audio' && c !== 'video')),
  provenance,
});
/** A correction: a new value, its own channel, source and time (any, even later or earlier). */
const correctionArb = fc.record({
  n: fc.nat({ max: 9_999_999 }),
  channel: fc.option(fc.constantFrom(...CHANNELS.filter((c) => c !== 'audio')), {
    nil: undefined,
  }),
  provenance: fc.option(provenance, { nil: undefined }),
  acquiredAt: fc.option(instant, { nil: undefined }),
});

describe.each(ENGINES)('a correction never widens use, on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openRegistryContext>>;
  let purposes: string[];
  beforeAll(async () => {
    ctx = await openRegistryContext(engine);
    purposes = ctx.policy.document.purposes.map((p) => p.id);
  });
  afterAll(() => ctx.close());

  const decideAll = async (customerId: string, itemId: string) =>
    (
      await decideForCustomers(
        ctx,
        system,
        purposes.map((purpose) => ({ customerId, itemId, purpose, at: AT })),
      )
    ).map((o) => ('decision' in o ? o.decision : 'error'));

  it('no purpose denied before a correction is permitted after it', async () => {
    await fc.assert(
      fc.asyncProperty(
        itemArb,
        fc.array(correctionArb, { minLength: 1, maxLength: 3 }),
        async (item, corrections) => {
          const created = await createCustomer(
            ctx,
            operator,
            buildCustomer({
              group: item.group,
              services: [
                {
                  name: 'ocn-mobile',
                  startedAt: '2019-04-01T00:00:00+09:00',
                  ...(item.transferred ? { origin: 'docomo-transfer-2022-07-01' } : {}),
                },
              ],
              items: [
                {
                  category: item.category,
                  value: valueOf(item.category, item.n),
                  channel: item.channel,
                  acquiredAt: item.acquiredAt,
                  ...item.provenance,
                  ...(item.underService ? { service: 'ocn-mobile' } : {}),
                },
              ],
            }),
          );
          let itemId = created.itemIds[0]!;
          const before = await decideAll(created.id, itemId);
          expect(before).not.toContain('error');
          for (const c of corrections) {
            itemId = (
              await updateItem(ctx, operator, {
                itemId,
                update: {
                  value: valueOf(item.category, c.n),
                  ...(c.channel !== undefined ? { channel: c.channel } : {}),
                  ...(c.provenance ?? {}),
                  ...(c.acquiredAt !== undefined ? { acquiredAt: c.acquiredAt } : {}),
                },
              })
            ).itemId;
            const after = await decideAll(created.id, itemId);
            purposes.forEach((purpose, i) => {
              if (before[i] === 'deny') expect(after[i], purpose).toBe('deny');
            });
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
