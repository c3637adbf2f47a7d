import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppTestContext } from '../app/test-context.ts';
import { createCustomer } from '../registry/index.ts';
import { buildCustomer, buildPrincipal } from '../registry/test-support.ts';
import { registryMigrations } from '../registry/registry-migrations.ts';
import { securityMigrations } from '../security/security-migrations.ts';
import { ENGINES } from '../store/test-engines.ts';
import { incidentMigrations } from './incident-migrations.ts';
import { listIncidents } from './list-incidents.ts';
import { recordIncident, type IncidentInput } from './record-incident.ts';

const officer = buildPrincipal({ id: 'user-po', name: 'po', role: 'privacyOfficer' });

/** An incident of e-mail addresses, known on 2026-11-02, no trigger but the count. */
function buildIncident(overrides: Partial<IncidentInput> = {}): IncidentInput {
  return {
    knownOn: '2026-11-02',
    sensitive: false,
    financial: false,
    wrongful: false,
    encrypted: false,
    affected: { categories: ['email'] },
    ...overrides,
  };
}

describe.each(ENGINES)('recordIncident on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof openAppTestContext>>;
  beforeEach(async () => {
    ctx = await openAppTestContext(engine, {
      migrations: { ...securityMigrations, ...registryMigrations, ...incidentMigrations },
      now: Date.parse('2026-11-03T01:00:00Z'),
    });
    for (let i = 0; i < 2; i++) await createCustomer(ctx, officer, buildCustomer());
  });
  afterEach(async () => ctx.close());

  it('counts the people from the registry and decides the duties, citing the clauses', async () => {
    const view = await recordIncident(ctx, officer, buildIncident({ sensitive: true }));
    expect(view.persons).toBe(2);
    expect(view.duties).toMatchObject({
      reportable: true,
      clauses: ['BREACH.SENSITIVE', 'BREACH.PRELIMINARY', 'BREACH.FINAL', 'BREACH.NOTICE'],
      preliminaryDue: '2026-11-04',
      finalDue: '2026-12-01',
    });
    // 2026-11-03 in Japan: the preliminary report is due tomorrow.
    expect(view.status).toBe('dueSoon');
    const [listed] = await listIncidents(ctx, officer);
    expect(listed).toEqual(view);
  });

  it('keeps no personal value: the stored facts hold the query and the count', async () => {
    const view = await recordIncident(ctx, officer, buildIncident());
    expect(view.duties.reportable).toBe(false);
    const row = await ctx.store.db
      .selectFrom('incidents' as never)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toMatch(/example\.jp/i);
  });

  it('shows an incident past its preliminary day as overdue', async () => {
    await recordIncident(ctx, officer, buildIncident({ knownOn: '2026-10-26', sensitive: true }));
    expect((await listIncidents(ctx, officer))[0]!.status).toBe('overdue');
  });

  it('refuses an operator, who may not record incidents', async () => {
    await expect(recordIncident(ctx, buildPrincipal(), buildIncident())).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });
});
