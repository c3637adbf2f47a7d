import { describe, expect, it } from 'vitest';
import { cliPrincipal } from '../cli/cli-principal.ts';
import { listCustomers, readCustomer } from '../registry/index.ts';
import { buildPrincipal, openRegistryContext } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { demoCustomer, demoExternalId } from './demo-customer.ts';
import { seedDemo } from './seed-demo.ts';

const officer = buildPrincipal({ role: 'privacyOfficer' });

describe.each(ENGINES)('seedDemo on $name', (engine) => {
  it('registers the seed’s customers with their consents, opt-outs and suspensions, once', async () => {
    const ctx = await openRegistryContext(engine);
    try {
      const principal = cliPrincipal('demo');
      const first = await seedDemo(ctx, principal, { customers: 300, seed: 4, batchSize: 120 });
      const expected = Array.from({ length: 300 }, (_, n) => demoCustomer(4, n));
      expect(first).toEqual({
        imported: 300,
        skipped: 0,
        consents: expected.filter((d) => d.consent).length,
        optOuts: expected.filter((d) => d.optOut).length,
        suspensions: expected.filter((d) => d.suspension).length,
      });
      const again = await seedDemo(ctx, principal, { customers: 300, seed: 4 });
      expect(again).toMatchObject({ imported: 0, skipped: 300, consents: 0 });

      const page = await listCustomers(ctx, officer, { limit: 500 });
      expect(page.customers.map((c) => c.externalId).sort()).toEqual(
        expected.map((_, n) => demoExternalId(4, n)),
      );
      const n = expected.findIndex((d) => d.consent !== undefined);
      const id = page.customers.find((c) => c.externalId === demoExternalId(4, n))!.id;
      const customer = await readCustomer(ctx, officer, { customerId: id, values: false });
      expect(customer.consents.map((c) => c.purpose)).toEqual([expected[n]!.consent!.purpose]);
      expect(customer.items.find((i) => i.category === 'name')).toBeDefined();
    } finally {
      await ctx.close();
    }
  });
});
