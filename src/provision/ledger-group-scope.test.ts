import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvedExport } from '../governance/test-support.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer } from '../registry/test-support.ts';
import { tempDir } from '../security/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { exportAudience } from './export-audience.ts';
import { provisionRecordsFor } from './provision-records-for.ts';
import { searchProvisionRecords } from './search-provision-records.ts';
import { buildOfficer, openProvisionContext } from './test-support.ts';

describe.each(ENGINES)(
  'the provision ledger within customer-set scopes (SECURITY.6) on $name',
  (engine) => {
    let ctx: Awaited<ReturnType<typeof openProvisionContext>>;
    beforeEach(async () => {
      ctx = await openProvisionContext(engine);
    });
    afterEach(() => ctx.close());
    const officer = buildOfficer();
    const othOnly = buildOfficer({
      id: 'u-oth',
      scope: { categories: 'all', purposes: 'all', groups: new Set(['OTH']) },
    });

    it('searches only the rows of customers within the groups, paging on past the others', async () => {
      // The view names the items provided, not the customer: rows are told apart by item.
      const reg: { id: string; itemIds: readonly string[] }[] = [];
      const oth: { id: string; itemIds: readonly string[] }[] = [];
      for (let i = 0; i < 3; i++) reg.push(await createCustomer(ctx, officer, buildCustomer()));
      for (let i = 0; i < 2; i++)
        oth.push(await createCustomer(ctx, officer, buildCustomer({ group: 'OTH' })));
      const itemsOf = (cs: typeof reg) => cs.flatMap((c) => c.itemIds).sort();
      const rowItems = (rs: readonly { itemIds: readonly string[] }[]) =>
        rs.flatMap((r) => r.itemIds).sort();
      const receipt = await exportAudience(ctx, officer, {
        approvalId: await approvedExport(ctx, 'adExport', 'google'),
        platform: 'google',
        out: join(tempDir(), 'google.csv'),
      });
      expect(receipt.ledgerRows).toBe(5);

      const everyRow = await searchProvisionRecords(ctx, officer, { recipientId: 'google' });
      expect(rowItems(everyRow.records)).toEqual(itemsOf([...reg, ...oth]));
      expect(itemsOf(oth).length).toBeGreaterThan(0);

      const seen: { itemIds: readonly string[] }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await searchProvisionRecords(ctx, othOnly, {
          recipientId: 'google',
          limit: 2,
          ...(cursor !== null ? { cursor } : {}),
        });
        seen.push(...page.records);
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null);
      // Three pages of the five rows read, the OTH customers' rows only shown.
      expect(pages).toBe(3);
      expect(seen).toHaveLength(2);
      expect(rowItems(seen)).toEqual(itemsOf(oth));

      // A customer outside the groups has no rows, by search or by customer.
      expect(
        (await searchProvisionRecords(ctx, othOnly, { customerId: reg[0]!.id })).records,
      ).toEqual([]);
      expect(await provisionRecordsFor(ctx, othOnly, reg[0]!.id)).toEqual([]);
      expect(
        (await searchProvisionRecords(ctx, othOnly, { customerId: oth[0]!.id })).records,
      ).toHaveLength(1);
    });
  },
);
