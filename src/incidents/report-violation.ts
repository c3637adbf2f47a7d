import type { IncidentDeps } from './incident-deps.ts';
import { HogoError } from '../errors/index.ts';
import { authorize, newId } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { incidentDb } from './incident-tables.ts';
import { looksPersonal } from './report-items.ts';
import { toViolationView, type ViolationView } from './violation-view.ts';

/** Shortest and longest summary of a suspected violation. */
const MIN_SUMMARY = 10;
const MAX_SUMMARY = 4000;

/** Reads a summary or a reason, naming the field; refuses what looks like a person's value. */
export function readViolationText(text: unknown, field: string, min = MIN_SUMMARY): string {
  if (typeof text !== 'string')
    throw new HogoError('incidents.invalid_violation', `${field} must be text`, { field });
  const trimmed = text.trim();
  if (trimmed.length < min || trimmed.length > MAX_SUMMARY)
    throw new HogoError(
      'incidents.invalid_violation',
      `${field} must be ${min}–${MAX_SUMMARY} characters`,
      { field },
    );
  if (looksPersonal(trimmed))
    throw new HogoError(
      'incidents.invalid_violation',
      `${field} holds what looks like an e-mail address or a phone or card number: describe what happened, not whose data`,
      { field },
    );
  return trimmed;
}

/**
 * Records a suspected violation of the rules (SECURITY.3; APPI Art. 23, the organisational
 * measures of the PPC General Guidelines 10-3: a channel to report). `principal` null is the anonymous
 * form: no reporter is kept, and nothing personal is asked. A staff report needs
 * 'violations.report'. Audited as 'violation.report' (the anonymous actor as such).
 */
export async function reportViolation(
  ctx: IncidentDeps,
  principal: Principal | null,
  input: { readonly summary: unknown },
): Promise<ViolationView> {
  if (principal !== null) authorize(principal, 'violations.report');
  const summary = readViolationText(input.summary, 'summary');
  const row = {
    id: newId(),
    anonymous: principal === null ? 1 : 0,
    reported_by: principal?.id ?? null,
    summary,
    status: 'open',
    incident_id: null,
    close_reason: null,
    triaged_by: null,
    triaged_at: null,
    created_at: ctx.clock(),
  };
  await ctx.store.db.transaction().execute(async (tx) => {
    await incidentDb(tx).insertInto('violation_reports').values(row).execute();
    await ctx.audit.append(tx, [
      {
        actor: principal?.id ?? 'anonymous:violation-form',
        action: 'violation.report',
        detail: { violationId: row.id, anonymous: principal === null },
      },
    ]);
  });
  return toViolationView(row);
}
