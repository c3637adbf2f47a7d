import { describe, expect, it } from 'vitest';
import { ENGINES } from '../store/test-engines.ts';
import { addItem } from './add-item.ts';
import { createCustomer } from './create-customer.ts';
import { readCustomer } from './read-customer.ts';
import { recordConsent } from './record-consent.ts';
import { buildCustomer, buildItem, buildPrincipal, openRegistryContext } from './test-support.ts';

const operator = buildPrincipal();
const officer = buildPrincipal({ role: 'privacyOfficer' });
const sensitive = (acquiredAt: string) =>
  buildItem({ category: 'sensitive', value: 'x', acquiredAt });

describe.each(ENGINES)(
  'sensitive information at acquisition (OBTAIN.SENSITIVE) on $name',
  (engine) => {
    it('refuses a sensitive item registered with a new customer, who has no consent yet', async () => {
      const ctx = await openRegistryContext(engine);
      try {
        await expect(
          createCustomer(
            ctx,
            operator,
            buildCustomer({ items: [buildItem(), sensitive('2025-05-01T00:00:00+09:00')] }),
          ),
        ).rejects.toMatchObject({
          code: 'registry.invalid_field',
          details: {
            field: 'items[1].category',
            reason: expect.stringContaining('OBTAIN.SENSITIVE'),
          },
        });
      } finally {
        await ctx.close();
      }
    });

    it('adds one only with a consent on record before its acquisition and not withdrawn then', async () => {
      const ctx = await openRegistryContext(engine);
      try {
        const { id: customerId } = await createCustomer(ctx, operator, buildCustomer());
        const add = (at: string) => addItem(ctx, operator, { customerId, item: sensitive(at) });
        const refused = {
          code: 'registry.consent_required',
          details: { field: 'category', clauses: ['OBTAIN.SENSITIVE'] },
        };
        await expect(add('2025-05-01T00:00:00+09:00')).rejects.toMatchObject(refused);
        const consent = (at: string, withdraw = false) =>
          recordConsent(ctx, operator, {
            customerId,
            consent: { purpose: 'PURPOSE.REG.2a', at, ...(withdraw ? { withdraw } : {}) },
          });
        await consent('2025-06-01T00:00:00+09:00');
        // Acquired before the consent was given: not a prior consent.
        await expect(add('2025-05-01T00:00:00+09:00')).rejects.toMatchObject(refused);
        const { itemId } = await add('2025-06-02T00:00:00+09:00');
        await consent('2025-09-01T00:00:00+09:00', true);
        // After the withdrawal, no consent is in force for a new acquisition.
        await expect(add('2025-10-01T00:00:00+09:00')).rejects.toMatchObject(refused);
        const view = await readCustomer(ctx, officer, { customerId, values: false });
        expect(view.items.filter((i) => i.category === 'sensitive').map((i) => i.id)).toEqual([
          itemId,
        ]);
      } finally {
        await ctx.close();
      }
    });
  },
);
