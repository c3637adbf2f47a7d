import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { ENGINES } from '../store/test-engines.ts';
import { fileReport } from './file-report.ts';
import { listIncidents, showIncident } from './list-incidents.ts';
import { recordIncident } from './record-incident.ts';
import { reportForm } from './report-form.ts';
import type { ReportItems } from './report-items.ts';

const officer = buildPrincipal({ id: 'user-po', name: 'po', role: 'privacyOfficer' });
const auditor = buildPrincipal({ id: 'user-au', name: 'au', role: 'auditor' });

const facts = {
  knownOn: '2026-11-02',
  sensitive: true,
  financial: false,
  wrongful: false,
  encrypted: false,
  affected: { categories: ['email'] },
};

describe.each(ENGINES)('Rule 8 reports on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  beforeEach(async () => {
    ctx = await openAppTestContext(engine, { now: Date.parse('2026-11-03T01:00:00Z') });
    for (let i = 0; i < 3; i++) await createCustomer(ctx, officer, buildCustomer());
  });
  afterEach(async () => ctx.close());

  it('fills the form from the incident, keeps each filing as a version, and meets the deadlines', async () => {
    const incident = await recordIncident(ctx, officer, facts);
    const form = await reportForm(ctx, auditor, incident.id, 'ppc');
    expect(form.nextStage).toBe('preliminary');
    expect(form.versions).toEqual([]);
    expect(form.items.persons).toBe('3人');
    expect(form.items.outline).toContain('2026-11-02');
    expect(form.items.dataKinds).toContain('要配慮個人情報');

    const items: ReportItems = { ...form.items, cause: '設定の誤りにより公開された。' };
    const first = await fileReport(ctx, officer, incident.id, {
      track: 'ppc',
      stage: 'preliminary',
      items,
    });
    expect(first).toMatchObject({ version: 1, stage: 'preliminary', filedBy: 'user-po' });
    // The preliminary met: the final's day (2026-12-01) is next, not due soon.
    let shown = await showIncident(ctx, auditor, incident.id);
    expect(shown.status).toBe('onTime');
    expect(shown.deadlines).toEqual([
      { track: 'ppc', stage: 'preliminary', due: '2026-11-04', metAt: first.filedAt },
      { track: 'ppc', stage: 'final', due: '2026-12-01', metAt: null },
    ]);

    ctx.clock.advance(86_400_000);
    const final = await fileReport(ctx, officer, incident.id, {
      track: 'ppc',
      stage: 'final',
      items: { ...items, recurrencePrevention: '設定の二重確認を導入した。' },
    });
    expect(final.version).toBe(2);
    const again = await reportForm(ctx, officer, incident.id, 'ppc');
    expect(again.nextStage).toBe('final');
    expect(again.versions.map((v) => [v.stage, v.version])).toEqual([
      ['preliminary', 1],
      ['final', 2],
    ]);
    // The first version is kept as it was filed.
    expect(again.versions[0]!.items.recurrencePrevention).toBe('');
    expect(again.items.recurrencePrevention).toBe('設定の二重確認を導入した。');
    shown = (await listIncidents(ctx, officer))[0]!;
    expect(shown.status).toBe('none');
    expect(shown.filings).toHaveLength(2);
  });

  it('refuses a final before the preliminary, and a preliminary after the final', async () => {
    const incident = await recordIncident(ctx, officer, facts);
    const form = await reportForm(ctx, officer, incident.id, 'ppc');
    await expect(
      fileReport(ctx, officer, incident.id, { track: 'ppc', stage: 'final', items: form.items }),
    ).rejects.toMatchObject({ code: 'incidents.final_before_preliminary' });
    await fileReport(ctx, officer, incident.id, {
      track: 'ppc',
      stage: 'preliminary',
      items: form.items,
    });
    await fileReport(ctx, officer, incident.id, {
      track: 'ppc',
      stage: 'final',
      items: form.items,
    });
    await expect(
      fileReport(ctx, officer, incident.id, {
        track: 'ppc',
        stage: 'preliminary',
        items: form.items,
      }),
    ).rejects.toMatchObject({ code: 'incidents.already_final' });
  });

  it('refuses a report to the PPC of an incident not reportable, and a TBA report without secrecy of communications', async () => {
    const incident = await recordIncident(ctx, officer, { ...facts, sensitive: false });
    const form = await reportForm(ctx, officer, incident.id, 'ppc');
    await expect(
      fileReport(ctx, officer, incident.id, {
        track: 'ppc',
        stage: 'preliminary',
        items: form.items,
      }),
    ).rejects.toMatchObject({ code: 'incidents.not_reportable' });
    await expect(
      fileReport(ctx, officer, incident.id, {
        track: 'tba',
        stage: 'preliminary',
        items: form.items,
      }),
    ).rejects.toMatchObject({ code: 'incidents.not_reportable' });
  });

  it('keeps the TBA report on its own track, with its own deadline', async () => {
    const incident = await recordIncident(ctx, officer, {
      ...facts,
      secrecyOfCommunications: true,
    });
    expect(incident.deadlines.map((d) => [d.track, d.stage, d.due])).toEqual([
      ['ppc', 'preliminary', '2026-11-04'],
      ['ppc', 'final', '2026-12-01'],
      ['tba', 'final', '2026-12-01'],
    ]);
    const form = await reportForm(ctx, officer, incident.id, 'tba');
    const tba = await fileReport(ctx, officer, incident.id, {
      track: 'tba',
      stage: 'preliminary',
      items: form.items,
    });
    expect(tba.version).toBe(1);
    // The PPC track is untouched: its preliminary is still open.
    const ppc = await reportForm(ctx, officer, incident.id, 'ppc');
    expect(ppc.nextStage).toBe('preliminary');
    expect((await showIncident(ctx, officer, incident.id)).status).toBe('dueSoon');
  });

  it('refuses an item holding a personal value, naming the item, and an unknown item', async () => {
    const incident = await recordIncident(ctx, officer, facts);
    const form = await reportForm(ctx, officer, incident.id, 'ppc');
    await expect(
      fileReport(ctx, officer, incident.id, {
        track: 'ppc',
        stage: 'preliminary',
        items: { ...form.items, other: 'contact taro@example.jp' },
      }),
    ).rejects.toMatchObject({
      code: 'incidents.invalid_report',
      details: { field: 'items.other' },
    });
    await expect(
      fileReport(ctx, officer, incident.id, {
        track: 'ppc',
        stage: 'preliminary',
        items: { ...form.items, cause: '090-1234-5678 に誤送信' },
      }),
    ).rejects.toMatchObject({ details: { field: 'items.cause' } });
    await expect(
      fileReport(ctx, officer, incident.id, {
        track: 'ppc',
        stage: 'preliminary',
        items: { ...form.items, victims: 'x' },
      }),
    ).rejects.toMatchObject({ details: { field: 'items.victims' } });
  });

  it('lets only the privacy officer file, and audits each filing', async () => {
    const incident = await recordIncident(ctx, officer, facts);
    const form = await reportForm(ctx, officer, incident.id, 'ppc');
    await expect(
      fileReport(ctx, auditor, incident.id, {
        track: 'ppc',
        stage: 'preliminary',
        items: form.items,
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await fileReport(ctx, officer, incident.id, {
      track: 'ppc',
      stage: 'preliminary',
      items: form.items,
    });
    const audit = await ctx.store.db
      .selectFrom('audit_log' as never)
      .selectAll()
      .execute();
    expect(JSON.stringify(audit)).toContain('incident.report.file');
  });

  it('keeps in the audit log who read the incidents, an incident and its report form', async () => {
    const incident = await recordIncident(ctx, officer, facts);
    await listIncidents(ctx, auditor);
    await showIncident(ctx, auditor, incident.id);
    await reportForm(ctx, auditor, incident.id, 'tba').catch(() => undefined);
    await reportForm(ctx, auditor, incident.id, 'ppc');
    const rows = (await ctx.store.db
      .selectFrom('audit_log' as never)
      .selectAll()
      .execute()) as { actor: string; action: string }[];
    const byAuditor = rows.filter((r) => r.actor === 'user-au').map((r) => r.action);
    expect(byAuditor).toEqual(
      expect.arrayContaining(['incident.list', 'incident.read', 'incident.report.read']),
    );
  });
});
