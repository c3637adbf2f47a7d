import type { Kysely } from 'kysely';
import type { AppContext } from '../app/app-context.ts';
import { decide, isDecisionError, type DecisionOutcome } from '../policy/index.ts';
import { registryDb } from '../registry/registry-tables.ts';
import { itemContext } from '../registry/value-contexts.ts';
import type { AuditEvent } from '../security/audit-entry.ts';
import { can, inScope, type Principal } from '../security/principal.ts';
import type { AdPurposes } from './ad-purposes.ts';
import type { AdPlatformId } from './ads/ad-platform-id.ts';
import type { AdsOptions } from './ads/ads-options.ts';
import { audienceRows, type AudienceItem } from './ads/audience-rows.ts';
import type { AudienceWriter } from './ads/audience-writer.ts';
import { customerReason, exclusionReason, type ExclusionReason } from './exclusion-reason.ts';
import type { LedgerEntry } from './ledger-row.ts';
import type { ProvisionTables } from './provision-tables.ts';
import { writeLedger } from './write-ledger.ts';

/** What one export walks with: the same for every page. */
export interface ExportWalk {
  readonly ctx: AppContext;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly tx: Kysely<any>;
  readonly principal: Principal;
  readonly platform: AdPlatformId;
  readonly ads: AdsOptions;
  readonly purposes: AdPurposes;
  readonly at: number;
  readonly now: number;
  readonly exportId: string;
  readonly recipient: ProvisionTables['provision_recipients'];
  readonly writer: AudienceWriter;
}

/** Running counts of an export (the receipt's numbers). */
export interface ExportTally {
  considered: number;
  included: number;
  excluded: Record<ExclusionReason, number>;
  exported: number;
  denied: Record<string, number>;
  notNormalized: Record<string, number>;
  ledgerRows: number;
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `iso` remembering its last answer: a customer's items were mostly acquired at the same
 * instant, and formatting a Date costs more than the decision that reads it.
 */
function lastIso(): (ms: number) => string {
  let lastMs = Number.NaN;
  let last = '';
  return (ms) => {
    if (ms !== lastMs) {
      last = iso(ms);
      lastMs = ms;
    }
    return last;
  };
}

/** An item of the page as read: its facts for the decision and its ciphertext. */
interface PageItem {
  readonly id: string;
  readonly customer_id: string;
  readonly customer_group: string;
  readonly category: string;
  readonly value: Uint8Array;
  readonly acquired_at: number;
  readonly survey: string | null;
  readonly service_name: string | null;
  readonly transferred_from_docomo: number | null;
  readonly ended_at: number | null;
}

/** What the policy is told of an item's service. */
interface DecisionService {
  id: string;
  transferredFromDocomo: boolean;
  endedAt?: string;
}

/** What the policy is told of an item. */
interface DecisionItem {
  category: string;
  acquiredAt: string;
  service?: DecisionService;
  survey?: string;
}

/** What the policy is told of a customer (spec/decision-format.md), built once per customer. */
interface CustomerFacts {
  readonly group: string;
  readonly adOptOut: boolean;
  readonly suspensions: { kind: string; from: string; purposes?: string[] }[];
  readonly consents: { purpose: string; at: string }[];
}

/**
 * One page of customers of an export — `customerIds`, consecutive in id order as
 * `customerIdPage` gives them — in a fixed number of queries: their current items of the
 * categories the platform accepts (ADS.ITEMS) with their facts, opt-outs, suspensions and
 * consents, read over the page's id range; each item decided by the policy; only the permitted
 * items decrypted (SECURITY.6), each customer's data key unwrapped once; values normalized,
 * hashed and written; one ledger row per customer included, written in bulk; one audit entry
 * per customer considered, naming every decision with its clauses and every value read.
 */
export async function exportPage(
  w: ExportWalk,
  customerIds: readonly string[],
  tally: ExportTally,
): Promise<void> {
  if (customerIds.length === 0) return;
  const first = customerIds[0]!;
  const last = customerIds[customerIds.length - 1]!;
  const accepts = w.ctx.policy.document.adPlatforms.find((p) => p.id === w.platform)?.accepts ?? [];
  const db = registryDb(w.tx);
  const items: PageItem[] =
    accepts.length === 0
      ? []
      : await db
          .selectFrom('items')
          .innerJoin('customers', 'customers.id', 'items.customer_id')
          .leftJoin('services', 'services.id', 'items.service_id')
          .select([
            'items.id',
            'items.customer_id',
            'customers.customer_group',
            'items.category',
            'items.value',
            'items.acquired_at',
            'items.survey',
            'services.name as service_name',
            'services.transferred_from_docomo',
            'services.ended_at',
          ])
          .where('items.customer_id', '>=', first)
          .where('items.customer_id', '<=', last)
          .where('customers.deleted_at', 'is', null)
          .where('items.superseded_at', 'is', null)
          .where('items.category', 'in', accepts)
          .orderBy('items.customer_id')
          .orderBy('items.id')
          .execute();
  const customers = await customerFacts(w, first, last, items);

  // decide() gives one clause array per combination: each is joined once per page.
  const joins = new Map<readonly string[], string>();
  const joined = (clauses: readonly string[]) => {
    let text = joins.get(clauses);
    if (text === undefined) {
      text = clauses.join(' ');
      joins.set(clauses, text);
    }
    return text;
  };
  const purposeOf = (group: string) => (group === 'OTH' ? w.purposes.OTH : w.purposes.REG);
  const atIso = iso(w.at);
  const recipient = { kind: 'adPlatform', id: w.platform };
  const acquiredIso = lastIso();
  const endedIso = lastIso();
  // Requests built property by property: object spreads here cost more than the decision.
  const outcomes: DecisionOutcome[] = items.map((item) => {
    const facts: DecisionItem = {
      category: item.category,
      acquiredAt: acquiredIso(item.acquired_at),
    };
    if (item.service_name !== null) {
      const service: DecisionService = {
        id: item.service_name,
        transferredFromDocomo: item.transferred_from_docomo === 1,
      };
      if (item.ended_at !== null) service.endedAt = endedIso(item.ended_at);
      facts.service = service;
    }
    if (item.survey !== null) facts.survey = item.survey;
    return decide(
      w.ctx.policy,
      {
        at: atIso,
        purpose: purposeOf(item.customer_group),
        customer: customers.get(item.customer_id)!,
        item: facts,
        recipient,
      },
      { now: w.now },
    );
  });

  // SECURITY.6: only the permitted items of categories in scope are decrypted.
  const mayRead = can(w.principal, 'provision.export') || can(w.principal, 'registry.readValues');
  const readers = new Set<string>();
  items.forEach((item, i) => {
    const o = outcomes[i]!;
    if (!isDecisionError(o) && o.decision === 'permit') readers.add(item.customer_id);
  });
  const ciphers =
    mayRead && readers.size > 0 ? await w.ctx.keys.ciphersFor(w.tx, [...readers]) : undefined;

  const entries: LedgerEntry[] = [];
  const events: AuditEvent[] = [];
  let i = 0;
  for (const customerId of customerIds) {
    tally.considered++;
    const own: AudienceItem[] = [];
    const decisions: (readonly string[])[] = [];
    const itemIds: string[] = [];
    const clauses = new Set<string>();
    const grounds = new Set<string>();
    const reasons: ExclusionReason[] = [];
    let group = 'REG';
    let policyVersion: string | undefined;
    const cipher = ciphers?.get(customerId);
    // Items come ordered by customer, like the page.
    for (; i < items.length && items[i]!.customer_id === customerId; i++) {
      const item = items[i]!;
      const outcome = outcomes[i]!;
      group = item.customer_group;
      if (isDecisionError(outcome)) {
        bump(tally.denied, 'not_eligible_for_purpose');
        reasons.push('not_eligible_for_purpose');
        decisions.push([item.id, 'error', outcome.error.code]);
        itemIds.push(item.id);
        continue;
      }
      policyVersion = outcome.policyVersion ?? undefined;
      for (const c of outcome.clauses) clauses.add(c);
      decisions.push([item.id, outcome.decision, joined(outcome.clauses)]);
      itemIds.push(item.id);
      if (outcome.decision !== 'permit') {
        const reason = exclusionReason(outcome.clauses);
        bump(tally.denied, reason);
        reasons.push(reason);
        continue;
      }
      for (const c of outcome.clauses) grounds.add(c);
      if (cipher !== undefined && inScope(w.principal, item.category)) {
        own.push({
          id: item.id,
          category: item.category,
          value: cipher.decrypt(item.value, itemContext(item.id)),
        });
      }
    }
    const result = audienceRows(w.platform, own, w.ads);
    if (decisions.length > 0) {
      events.push({
        actor: w.principal.id,
        action: 'ads.decide',
        customerId,
        itemIds,
        decision: result.rows.length > 0 ? 'permit' : 'deny',
        clauses: [...clauses].sort(),
        // Keys in canonical (sorted) order: the audit log then serializes the detail as is.
        detail: {
          at: atIso,
          // [itemId, permit | deny | error, the clauses cited (or the error code)]
          decisions,
          exportId: w.exportId,
          platform: w.platform,
          policyVersion: policyVersion ?? null,
          purpose: purposeOf(group),
          // item.readValue: the values decrypted for the export.
          read: own.map((v) => v.id),
        },
      });
    }
    for (const r of result.notNormalized) bump(tally.notNormalized, r);
    if (result.rows.length === 0) {
      tally.excluded[own.length > 0 ? 'value_did_not_normalize' : customerReason(reasons)]++;
      continue;
    }
    for (const row of result.rows) w.writer.add(row);
    tally.included++;
    tally.exported += result.itemIds.length;
    entries.push({
      provisionId: w.exportId,
      customerId,
      recipientId: w.recipient.id,
      providedAt: w.at,
      itemCategories: result.categories,
      itemIds: result.itemIds,
      clause: 'ADS',
      ground: [...grounds].join(' '),
      purpose: purposeOf(group),
      legalBasis: null,
      documentReference: null,
    });
  }
  // The page's rows go to the file before its records are written: backpressure once a page.
  await w.writer.drain();
  await w.ctx.audit.append(w.tx, events);
  await writeLedger(w.tx, w.recipient, entries, w.principal.id, w.now, w.ctx.store);
  tally.ledgerRows += entries.length;
}

/**
 * The customer half of the decision requests of a page: group, ad opt-out, suspensions and
 * consents in force at the export's instant, read over the page's id range in three queries.
 */
async function customerFacts(
  w: ExportWalk,
  first: string,
  last: string,
  items: readonly PageItem[],
): Promise<Map<string, CustomerFacts>> {
  const facts = new Map<string, CustomerFacts>();
  if (items.length === 0) return facts;
  const db = registryDb(w.tx);
  const at = w.at;
  const [optOuts, suspensions, consents] = await Promise.all([
    db
      .selectFrom('ad_opt_outs')
      .select(['customer_id', 'at', 'withdrawn_at'])
      .where('customer_id', '>=', first)
      .where('customer_id', '<=', last)
      .execute(),
    db
      .selectFrom('suspensions')
      .select(['customer_id', 'kind', 'purposes', 'from_at', 'until_at'])
      .where('customer_id', '>=', first)
      .where('customer_id', '<=', last)
      .orderBy('customer_id')
      .orderBy('from_at')
      .execute(),
    db
      .selectFrom('consents')
      .select(['customer_id', 'purpose', 'at', 'withdrawn_at'])
      .where('customer_id', '>=', first)
      .where('customer_id', '<=', last)
      .orderBy('customer_id')
      .orderBy('at')
      .execute(),
  ]);
  const inForce = (end: number | null) => end === null || end > at;
  for (const item of items) {
    if (!facts.has(item.customer_id)) {
      facts.set(item.customer_id, {
        group: item.customer_group,
        adOptOut: false,
        suspensions: [],
        consents: [],
      });
    }
  }
  for (const o of optOuts) {
    const f = facts.get(o.customer_id);
    // ADS.OPT_OUT: opted out at `at`, and not withdrawn by then.
    if (f !== undefined && o.at <= at && inForce(o.withdrawn_at)) {
      facts.set(o.customer_id, { ...f, adOptOut: true });
    }
  }
  for (const s of suspensions) {
    // REQUEST.SUSPEND_*: a suspension that ended before `at` no longer binds.
    if (!inForce(s.until_at)) continue;
    facts.get(s.customer_id)?.suspensions.push({
      kind: s.kind,
      from: iso(s.from_at),
      ...(s.purposes !== null ? { purposes: JSON.parse(s.purposes) as string[] } : {}),
    });
  }
  for (const c of consents) {
    // PURPOSE.NOTIFIED: a consent withdrawn before `at` no longer binds.
    if (!inForce(c.withdrawn_at)) continue;
    facts.get(c.customer_id)?.consents.push({ purpose: c.purpose, at: iso(c.at) });
  }
  return facts;
}
