import type { IncidentDeps } from './incident-deps.ts';
import { HogoError } from '../errors/index.ts';
import { enqueueNotice, sendAfterCommit } from '../notices/index.ts';
import { affectedCustomerIds, authorize, readCustomer } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { breachNotice } from './breach-notice.ts';
import type { IncidentInput } from './record-incident.ts';
import { filledItems } from './report-form.ts';
import { incidentDb } from './incident-tables.ts';
import type { ReportItems } from './report-items.ts';
import { requireIncident } from './require-incident.ts';

/** What became of telling the persons of an incident. */
export interface NotifyReport {
  /** Persons the query selects, erased ones included. */
  readonly selected: number;
  /** Notices put in the outbox by this call. */
  readonly queued: number;
  /** Persons told by an earlier call (not told twice). */
  readonly alreadyNotified: number;
  /** Erased customers (REQUEST.DELETION): nothing left to write to. */
  readonly erased: number;
  /** Customers with no e-mail or postal address on file. */
  readonly noAddress: number;
}

/**
 * Tells every person an incident concerns (APPI Art. 26(2); PPC Rules Art. 10): one notice
 * each in the outbox, by e-mail on file, else by post, in `lang`, its text the items of Rule 10
 * from the newest report filed to the PPC (else filled from the incident). The law's duty
 * holds whatever the customer asked of other notices: an ad opt-out or a suspension of use
 * does not withhold it. Erased customers cannot be told and are counted, as are customers with
 * no address. Idempotent: a person already told is not told again. Addresses are read through
 * the registry (audited there) and sealed in the outbox like every notice; the call is audited
 * as 'incident.notify' with its counts. Needs 'incidents.manage' (and 'registry.readValues').
 */
export async function notifyAffected(
  ctx: IncidentDeps,
  principal: Principal,
  incidentId: string,
  options: { readonly lang?: 'en' | 'ja' } = {},
): Promise<NotifyReport> {
  authorize(principal, 'incidents.manage');
  authorize(principal, 'registry.readValues');
  const lang = options.lang ?? 'ja';
  const incident = await requireIncident(ctx.store.db, incidentId);
  const facts = JSON.parse(incident.facts) as IncidentInput;
  const filed = await incidentDb(ctx.store.db)
    .selectFrom('incident_reports')
    .select('items')
    .where('incident_id', '=', incidentId)
    .where('track', '=', 'ppc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const items =
    filed === undefined
      ? filledItems(ctx, incident, lang)
      : (JSON.parse(filed.items) as ReportItems);
  const letter = breachNotice({ lang, incidentId, knownOn: incident.known_on, items });
  const { ids, erased } = await affectedCustomerIds(ctx, principal, facts.affected ?? {});
  const told = new Set(
    (
      await incidentDb(ctx.store.db)
        .selectFrom('incident_notices')
        .select('customer_id')
        .where('incident_id', '=', incidentId)
        .execute()
    ).map((r) => r.customer_id),
  );
  let queued = 0;
  let gone = erased;
  let noAddress = 0;
  let raced = 0;
  const noticeIds: string[] = [];
  for (const customerId of ids) {
    if (told.has(customerId)) continue;
    const address = await addressOf(ctx, principal, customerId, incidentId);
    if (address === 'erased') {
      gone += 1;
      continue;
    }
    if (address === null) {
      noAddress += 1;
      continue;
    }
    const id = await ctx.store.db.transaction().execute(async (tx) => {
      // The row first: its primary key (incident, customer) lets one call only tell the person;
      // a call at the same time waits for this one, then inserts nothing.
      const claimed = await incidentDb(tx)
        .insertInto('incident_notices')
        .values({
          incident_id: incidentId,
          customer_id: customerId,
          notice_id: '',
          created_at: ctx.clock(),
        })
        .onConflict((oc) => oc.columns(['incident_id', 'customer_id']).doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
      const noticeId = await enqueueNotice(ctx, tx, {
        kind: 'incident.breach',
        channel: address.channel,
        customerId,
        lang,
        to: address.to,
        ...letter,
      });
      await incidentDb(tx)
        .updateTable('incident_notices')
        .set({ notice_id: noticeId })
        .where('incident_id', '=', incidentId)
        .where('customer_id', '=', customerId)
        .execute();
      return noticeId;
    });
    if (id === null) {
      raced += 1;
      continue;
    }
    noticeIds.push(id);
    queued += 1;
  }
  const report: NotifyReport = {
    selected: ids.length + erased,
    queued,
    alreadyNotified: ids.filter((id) => told.has(id)).length + raced,
    erased: gone,
    noAddress,
  };
  await ctx.store.db
    .transaction()
    .execute(async (tx) =>
      ctx.audit.append(tx, [
        { actor: principal.id, action: 'incident.notify', detail: { incidentId, lang, ...report } },
      ]),
    );
  sendAfterCommit(ctx, noticeIds);
  return report;
}

/** The customer's e-mail on file, else their postal address; 'erased' when nothing is left. */
async function addressOf(
  ctx: IncidentDeps,
  principal: Principal,
  customerId: string,
  incidentId: string,
): Promise<{ channel: 'email' | 'post'; to: string } | null | 'erased'> {
  try {
    // APPI Art. 26(2): the notice is a duty owed to the person, read on that basis, not a use
    // for a purpose that a suspension could withhold.
    const customer = await readCustomer(ctx, principal, {
      customerId,
      basis: { clause: 'BREACH.NOTICE', incidentId },
    });
    const email = customer.items.find((i) => i.category === 'email' && i.value !== undefined);
    if (email !== undefined) return { channel: 'email', to: email.value! };
    const post = customer.items.find((i) => i.category === 'address' && i.value !== undefined);
    return post === undefined ? null : { channel: 'post', to: post.value! };
  } catch (e) {
    if (e instanceof HogoError && /not_found|shredded/.test(e.code)) return 'erased';
    throw e;
  }
}
