import type { Kysely } from 'kysely';
import type { ProvisionDeps } from './provision-deps.ts';
import { decide, isDecisionError, type DecisionOutcome } from '../policy/index.ts';
import { audiencePage, itemContext } from '../registry/index.ts';
import {
  type AuditEvent,
  can,
  type CustomerCipher,
  inScope,
  type KeyService,
  type Principal,
} from '../security/index.ts';
import type { AdPurposes } from './ad-purposes.ts';
import type { AdPlatformId } from './ads/ad-platform-id.ts';
import type { AdsOptions } from './ads/ads-options.ts';
import { audienceRows, type AudienceItem } from './ads/audience-rows.ts';
import type { AudienceWriter } from './ads/audience-writer.ts';
import { customerReason, exclusionReason, type ExclusionReason } from './exclusion-reason.ts';
import type { LedgerEntry } from './ledger-row.ts';
import type { ProvisionTables } from './provision-tables.ts';
import { writeLedger } from './write-ledger.ts';
import { recordExportMembers, type ExportMember } from './ad-export-members.ts';

/** What one export walks with: the same for every page. */
export interface ExportWalk {
  readonly ctx: ProvisionDeps;
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
  /** SECURITY.5: the approval this export used. */
  readonly approvalId: string;
  /** The rows of the page being written, recorded with it (then emptied); `written` counts all. */
  readonly members: ExportMember[];
  readonly written: { count: number };
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

/** One page read and decided: items in customer order, each item's outcome, the page's ciphers. */
interface DecidedPage {
  readonly items: Awaited<ReturnType<typeof audiencePage>>['items'];
  readonly outcomes: readonly DecisionOutcome[];
  readonly ciphers: Awaited<ReturnType<KeyService['ciphersFor']>> | undefined;
  /** The export's instant, formatted once a page. */
  readonly atIso: string;
  /** decide() gives one clause array per combination: each is joined once per page. */
  readonly joined: (clauses: readonly string[]) => string;
}

/** What one customer of the page came to: their decisions, the values read, the grounds. */
interface CustomerWalk {
  readonly own: AudienceItem[];
  /** [itemId, permit | deny | error, the clauses cited (or the error code)] */
  readonly decisions: (readonly string[])[];
  readonly itemIds: string[];
  readonly clauses: Set<string>;
  readonly grounds: Set<string>;
  readonly reasons: ExclusionReason[];
  group: string;
  policyVersion: string | undefined;
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
  const page = await decidePage(w, customerIds);
  const entries: LedgerEntry[] = [];
  const events: AuditEvent[] = [];
  let i = 0;
  for (const customerId of customerIds) {
    tally.considered++;
    const c = newCustomerWalk();
    // Items come ordered by customer, like the page.
    for (; i < page.items.length && page.items[i]!.customer_id === customerId; i++)
      walkItem(w, page, i, page.ciphers?.get(customerId), c, tally);
    const result = audienceRows(w.platform, c.own, w.ads);
    if (c.decisions.length > 0) events.push(decisionEvent(w, page, customerId, c, result));
    const entry = countCustomer(w, tally, customerId, c, result);
    if (entry !== null) entries.push(entry);
  }
  // The page's rows go to the file before its records are written: backpressure once a page.
  await w.writer.drain();
  await w.ctx.audit.append(w.tx, events);
  await writeLedger(w.tx, w.recipient, entries, w.principal.id, w.now, w.ctx.store);
  tally.ledgerRows += entries.length;
  await recordExportMembers(w.tx, w.exportId, w.platform, w.members, w.written.count);
  w.written.count += w.members.length;
  w.members.length = 0;
}

const purposeOf = (w: ExportWalk, group: string) =>
  group === 'OTH' ? w.purposes.OTH : w.purposes.REG;

/**
 * Step 1: the page's items with their facts (from the registry), each decided by the policy,
 * and the data keys of the customers with a permitted item (SECURITY.6: only those are read).
 */
async function decidePage(w: ExportWalk, customerIds: readonly string[]): Promise<DecidedPage> {
  const accepts = w.ctx.policy.document.adPlatforms.find((p) => p.id === w.platform)?.accepts ?? [];
  const { items, customers } = await audiencePage(w.tx, {
    first: customerIds[0]!,
    last: customerIds[customerIds.length - 1]!,
    categories: accepts,
    at: w.at,
    now: w.now,
  });
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
        purpose: purposeOf(w, item.customer_group),
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
  return { items, outcomes, ciphers, atIso, joined: clauseJoiner() };
}

/** Each clause array joined once. */
function clauseJoiner(): (clauses: readonly string[]) => string {
  const joins = new Map<readonly string[], string>();
  return (clauses) => {
    let text = joins.get(clauses);
    if (text === undefined) {
      text = clauses.join(' ');
      joins.set(clauses, text);
    }
    return text;
  };
}

function newCustomerWalk(): CustomerWalk {
  return {
    own: [],
    decisions: [],
    itemIds: [],
    clauses: new Set(),
    grounds: new Set(),
    reasons: [],
    group: 'REG',
    policyVersion: undefined,
  };
}

/** Step 2: one item of a customer: its decision noted, and its value read when permitted. */
function walkItem(
  w: ExportWalk,
  page: DecidedPage,
  i: number,
  cipher: CustomerCipher | undefined,
  c: CustomerWalk,
  tally: ExportTally,
): void {
  const item = page.items[i]!;
  const outcome = page.outcomes[i]!;
  c.group = item.customer_group;
  if (isDecisionError(outcome)) {
    bump(tally.denied, 'not_eligible_for_purpose');
    c.reasons.push('not_eligible_for_purpose');
    c.decisions.push([item.id, 'error', outcome.error.code]);
    c.itemIds.push(item.id);
    return;
  }
  c.policyVersion = outcome.policyVersion ?? undefined;
  for (const cl of outcome.clauses) c.clauses.add(cl);
  c.decisions.push([item.id, outcome.decision, page.joined(outcome.clauses)]);
  c.itemIds.push(item.id);
  if (outcome.decision !== 'permit') {
    const reason = exclusionReason(outcome.clauses);
    bump(tally.denied, reason);
    c.reasons.push(reason);
    return;
  }
  for (const cl of outcome.clauses) c.grounds.add(cl);
  if (cipher !== undefined && inScope(w.principal, item.category)) {
    c.own.push({
      id: item.id,
      category: item.category,
      value: cipher.decrypt(item.value, itemContext(item.id)),
    });
  }
}

/** Step 3: the audit entry of a customer considered: every decision and every value read. */
function decisionEvent(
  w: ExportWalk,
  page: DecidedPage,
  customerId: string,
  c: CustomerWalk,
  result: ReturnType<typeof audienceRows>,
): AuditEvent {
  return {
    actor: w.principal.id,
    action: 'ads.decide',
    customerId,
    itemIds: c.itemIds,
    decision: result.rows.length > 0 ? 'permit' : 'deny',
    clauses: [...c.clauses].sort(),
    // Keys in canonical (sorted) order: the audit log then serializes the detail as is.
    detail: {
      at: page.atIso,
      // [itemId, permit | deny | error, the clauses cited (or the error code)]
      decisions: c.decisions,
      exportId: w.exportId,
      platform: w.platform,
      policyVersion: c.policyVersion ?? null,
      purpose: purposeOf(w, c.group),
      // item.readValue: the values decrypted for the export.
      read: c.own.map((v) => v.id),
    },
  };
}

/**
 * Step 4: a customer counted as excluded (with the reason) or included, their rows written;
 * the ledger entry of an included one.
 */
function countCustomer(
  w: ExportWalk,
  tally: ExportTally,
  customerId: string,
  c: CustomerWalk,
  result: ReturnType<typeof audienceRows>,
): LedgerEntry | null {
  for (const r of result.notNormalized) bump(tally.notNormalized, r);
  if (result.rows.length === 0) {
    tally.excluded[c.own.length > 0 ? 'value_did_not_normalize' : customerReason(c.reasons)]++;
    return null;
  }
  for (const row of result.rows) {
    w.writer.add(row);
    w.members.push({ customerId, row });
  }
  tally.included++;
  tally.exported += result.itemIds.length;
  return {
    provisionId: w.exportId,
    customerId,
    recipientId: w.recipient.id,
    providedAt: w.at,
    itemCategories: result.categories,
    itemIds: result.itemIds,
    clause: 'ADS',
    ground: [...c.grounds].join(' '),
    purpose: purposeOf(w, c.group),
    legalBasis: null,
    documentReference: null,
  };
}
