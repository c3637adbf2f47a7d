import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { listNotices, readNotice } from '../notices/index.ts';
import {
  createCustomer,
  deleteCustomer,
  recordOptOut,
  recordSuspension,
} from '../registry/index.ts';
import { buildCustomer, buildItem, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { fileReport } from './file-report.ts';
import { notifyAffected } from './notify-affected.ts';
import { recordIncident } from './record-incident.ts';
import { reportForm } from './report-form.ts';

const officer = buildPrincipal({ id: 'user-po', name: 'po', role: 'privacyOfficer' });

describe.each(ENGINES)('notices to the persons of an incident on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  let ids: string[];
  beforeEach(async () => {
    ctx = await openAppTestContext(engine, { now: Date.parse('2026-11-03T01:00:00Z') });
    ids = [];
    for (let i = 0; i < 3; i++) ids.push((await createCustomer(ctx, officer, buildCustomer())).id);
    // One with a postal address only, one with neither address.
    ids.push(
      (
        await createCustomer(
          ctx,
          officer,
          buildCustomer({
            items: [buildItem({ category: 'address', value: '東京都千代田区大手町二丁目3番1号' })],
          }),
        )
      ).id,
    );
    ids.push(
      (
        await createCustomer(
          ctx,
          officer,
          buildCustomer({ items: [buildItem({ category: 'name', value: '佐藤　花子' })] }),
        )
      ).id,
    );
  });
  afterEach(async () => ctx.close());

  const incidentOf = () =>
    recordIncident(ctx, officer, {
      knownOn: '2026-11-02',
      sensitive: true,
      financial: true,
      wrongful: false,
      encrypted: false,
      affected: { customerIds: ids },
    });

  it('puts one sealed notice per person in the outbox, the items of Rule 10, and none twice', async () => {
    const incident = await incidentOf();
    const form = await reportForm(ctx, officer, incident.id, 'ppc');
    await fileReport(ctx, officer, incident.id, {
      track: 'ppc',
      stage: 'preliminary',
      items: { ...form.items, cause: 'A misconfigured storage bucket.', publication: 'Not yet.' },
    });
    const first = await notifyAffected(ctx, officer, incident.id, { lang: 'en' });
    expect(first).toEqual({ selected: 5, queued: 4, alreadyNotified: 0, erased: 0, noAddress: 1 });
    const notices = (await listNotices(ctx, officer, { limit: 50 })).filter(
      (n) => n.kind === 'incident.breach',
    );
    expect(notices).toHaveLength(4);
    expect(notices.map((n) => n.channel).sort()).toEqual(['email', 'email', 'email', 'post']);
    const { body, subject } = await readNotice(ctx, officer, { noticeId: notices[0]!.id });
    expect(subject).toBe('About a leak of your personal data');
    expect(body).toContain('Cause:\nA misconfigured storage bucket.');
    expect(body).toContain(incident.id);
    // Item vii (publication) is for the PPC, not the notice (Rule 10).
    expect(body).not.toContain('Not yet.');

    // The outbox keeps address and body sealed.
    const raw = JSON.stringify(
      await ctx.store.db
        .selectFrom('notices' as never)
        .selectAll()
        .execute(),
    );
    expect(raw).not.toMatch(/example\.jp|misconfigured/i);

    const again = await notifyAffected(ctx, officer, incident.id, { lang: 'en' });
    expect(again).toEqual({ selected: 5, queued: 0, alreadyNotified: 4, erased: 0, noAddress: 1 });
    expect(
      (await listNotices(ctx, officer, { limit: 50 })).filter((n) => n.kind === 'incident.breach'),
    ).toHaveLength(4);
  });

  it('tells in Japanese, filled from the incident when no report is filed', async () => {
    const incident = await incidentOf();
    await notifyAffected(ctx, officer, incident.id);
    const [notice] = await listNotices(ctx, officer, { customerId: ids[0]! });
    const { body, subject } = await readNotice(ctx, officer, { noticeId: notice!.id });
    expect(subject).toBe('個人データの漏えい等に関するお知らせ');
    expect(body).toContain('2026-11-02');
    expect(body).toContain('財産的被害');
  });

  it('tells a customer who opted out of ads and suspended the use of their data, but not an erased one', async () => {
    await recordOptOut(ctx, officer, {
      customerId: ids[0]!,
      optOut: { at: '2026-10-01T00:00:00+09:00' },
    });
    await recordSuspension(ctx, officer, {
      customerId: ids[0]!,
      suspension: { kind: 'use', from: '2026-10-01T00:00:00+09:00' },
    });
    const incident = await incidentOf();
    await deleteCustomer(ctx, officer, { customerId: ids[1]! });
    const report = await notifyAffected(ctx, officer, incident.id);
    expect(report).toMatchObject({ queued: 3, erased: 1, noAddress: 1 });
    expect(await listNotices(ctx, officer, { customerId: ids[0]! })).toHaveLength(1);
    expect(await listNotices(ctx, officer, { customerId: ids[1]! })).toHaveLength(0);
  });

  it('tells each person once when two calls run at the same time', async () => {
    const incident = await incidentOf();
    const [a, b] = await Promise.all([
      notifyAffected(ctx, officer, incident.id),
      notifyAffected(ctx, officer, incident.id),
    ]);
    expect(a.queued + b.queued).toBe(4);
    expect(
      (await listNotices(ctx, officer, { limit: 50 })).filter((n) => n.kind === 'incident.breach'),
    ).toHaveLength(4);
  });

  it('is refused to a principal who may not manage incidents', async () => {
    const incident = await incidentOf();
    await expect(
      notifyAffected(ctx, buildPrincipal({ role: 'auditor' }), incident.id),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
