import type { Kysely } from 'kysely';
import type { AppContext } from '../app/app-context.ts';
import { isDecisionError } from '../policy/index.ts';
import { itemsForProvision, type ProvisionItem } from '../registry/index.ts';
import type { Principal } from '../security/principal.ts';
import type { AdPurposes } from './ad-purposes.ts';
import type { AdPlatformId } from './ads/ad-platform-id.ts';
import type { AdsOptions } from './ads/ads-options.ts';
import { audienceRows } from './ads/audience-rows.ts';
import type { AudienceWriter } from './ads/audience-writer.ts';
import { decideForCustomersIn } from '../registry/index.ts';
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

/**
 * One page of customers of an export: their items of the categories the platform accepts
 * (ADS.ITEMS) decided by the policy, the permitted ones decrypted, normalized, hashed and
 * written, one ledger row per customer included; everything else counted by reason.
 */
export async function exportPage(
  w: ExportWalk,
  customerIds: readonly string[],
  tally: ExportTally,
): Promise<void> {
  const accepts = w.ctx.policy.document.adPlatforms.find((p) => p.id === w.platform)?.accepts ?? [];
  const items = await itemsForProvision(w.ctx, w.tx, w.principal, {
    customerIds,
    categories: accepts,
    values: false,
  });
  const purposeOf = (group: string) => (group === 'OTH' ? w.purposes.OTH : w.purposes.REG);
  const atIso = new Date(w.at).toISOString();
  const outcomes = await decideForCustomersIn(
    w.ctx,
    w.tx,
    w.principal,
    items.map((item) => ({
      customerId: item.customerId,
      itemId: item.id,
      purpose: purposeOf(item.group),
      at: atIso,
      recipient: { kind: 'adPlatform', id: w.platform },
    })),
    w.now,
  );
  const permitted: string[] = [];
  const grounds = new Map<string, Set<string>>();
  const reasons = new Map<string, ExclusionReason[]>();
  items.forEach((item, i) => {
    const outcome = outcomes[i]!;
    if (!isDecisionError(outcome) && outcome.decision === 'permit') {
      permitted.push(item.id);
      const g = grounds.get(item.customerId) ?? new Set<string>();
      outcome.clauses.forEach((c) => g.add(c));
      grounds.set(item.customerId, g);
      return;
    }
    const reason = isDecisionError(outcome)
      ? 'not_eligible_for_purpose'
      : exclusionReason(outcome.clauses);
    bump(tally.denied, reason);
    reasons.set(item.customerId, [...(reasons.get(item.customerId) ?? []), reason]);
  });
  // SECURITY.6: only the permitted items are decrypted.
  const valued =
    permitted.length === 0
      ? []
      : await itemsForProvision(w.ctx, w.tx, w.principal, {
          customerIds,
          itemIds: permitted,
          values: true,
        });
  const byCustomer = new Map<string, ProvisionItem[]>();
  for (const v of valued) {
    if (v.value !== undefined)
      byCustomer.set(v.customerId, [...(byCustomer.get(v.customerId) ?? []), v]);
  }
  const entries: LedgerEntry[] = [];
  for (const customerId of customerIds) {
    tally.considered++;
    const own = byCustomer.get(customerId) ?? [];
    const result = audienceRows(
      w.platform,
      own.map((v) => ({ id: v.id, category: v.category, value: v.value! })),
      w.ads,
    );
    result.notNormalized.forEach((r) => bump(tally.notNormalized, r));
    if (result.rows.length === 0) {
      tally.excluded[
        own.length > 0 ? 'value_did_not_normalize' : customerReason(reasons.get(customerId) ?? [])
      ]++;
      continue;
    }
    for (const row of result.rows) await w.writer.add(row);
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
      ground: [...(grounds.get(customerId) ?? [])].join(' '),
      purpose: purposeOf(own[0]!.group),
      legalBasis: null,
      documentReference: null,
    });
  }
  await writeLedger(w.tx, w.recipient, entries, w.principal.id, w.now);
  tally.ledgerRows += entries.length;
}
