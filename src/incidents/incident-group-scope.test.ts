import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { createPrintBatch, listNotices, readNotice } from '../notices/index.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { notifyAffected } from './notify-affected.ts';
import { recordIncident } from './record-incident.ts';

const officer = buildPrincipal({ id: 'user-po', name: 'po', role: 'privacyOfficer' });
const othOfficer = buildPrincipal({
  id: 'user-po-oth',
  name: 'po-oth',
  role: 'privacyOfficer',
  scope: { categories: 'all', purposes: 'all', groups: new Set(['OTH']) },
});

async function codeOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code,
  );
}

describe.each(ENGINES)(
  'incidents and the outbox within customer-set scopes (SECURITY.6) on $name',
  (engine) => {
    let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
    let reg: string;
    let oth: string;
    beforeEach(async () => {
      ctx = await openAppTestContext(engine, { now: Date.parse('2026-11-03T01:00:00Z') });
      reg = (await createCustomer(ctx, officer, buildCustomer())).id;
      oth = (await createCustomer(ctx, officer, buildCustomer({ group: 'OTH' }))).id;
    });
    afterEach(async () => ctx.close());

    const facts = {
      knownOn: '2026-11-02',
      sensitive: true,
      financial: false,
      wrongful: false,
      encrypted: false,
    };

    it("refuses a group-limited officer an incident's persons: counted and told over every group", async () => {
      expect(
        await codeOf(
          recordIncident(ctx, othOfficer, { ...facts, affected: { customerIds: [oth] } }),
        ),
      ).toBe('registry.needs_every_group');
      const incident = await recordIncident(ctx, officer, {
        ...facts,
        affected: { customerIds: [reg, oth] },
      });
      expect(incident.persons).toBe(2);
      expect(await codeOf(notifyAffected(ctx, othOfficer, incident.id))).toBe(
        'registry.needs_every_group',
      );
      // Nothing was told by the refused call: the officer of every group tells both.
      expect((await listNotices(ctx, officer)).filter((n) => n.kind === 'incident.breach')).toEqual(
        [],
      );
      expect((await notifyAffected(ctx, officer, incident.id)).queued).toBe(2);
    });

    it('lists and reads only the notices to customers within the groups', async () => {
      const incident = await recordIncident(ctx, officer, {
        ...facts,
        affected: { customerIds: [reg, oth] },
      });
      await notifyAffected(ctx, officer, incident.id, { lang: 'en' });
      const all = (await listNotices(ctx, officer)).filter((n) => n.kind === 'incident.breach');
      expect(all.map((n) => n.customerId).sort()).toEqual([reg, oth].sort());
      const mine = (await listNotices(ctx, othOfficer)).filter((n) => n.kind === 'incident.breach');
      expect(mine.map((n) => n.customerId)).toEqual([oth]);
      expect((await listNotices(ctx, othOfficer, { customerId: reg })).length).toBe(0);
      const regNotice = all.find((n) => n.customerId === reg)!;
      expect(await codeOf(readNotice(ctx, othOfficer, { noticeId: regNotice.id }))).toBe(
        'notices.not_found',
      );
      expect((await readNotice(ctx, othOfficer, { noticeId: mine[0]!.id })).body).toContain(
        incident.id,
      );
      // A print batch gathers every customer's letters.
      expect(await codeOf(createPrintBatch(ctx, othOfficer))).toBe('registry.needs_every_group');
    });
  },
);
