import type { CompiledPolicy } from './compile-policy.ts';
import type { Localized, PolicyRetentionDuty } from './policy-schema.ts';

/** A customer's current item, as retention sees it: no value. */
export interface RetentionItem {
  readonly id: string;
  readonly category: string;
  readonly serviceId: string | null;
}

/** A customer's service contract, as retention sees it. */
export interface RetentionService {
  readonly id: string;
  /** Epoch ms; null while the contract is in force. */
  readonly endedAt: number | null;
  /** PROVIDE.CLAIMS: who the service's claims are assigned to, if anyone. */
  readonly claimsAssignee: string | null;
}

/** A legal hold on the customer still in force. */
export interface RetentionHold {
  readonly id: string;
  /** Epoch ms; null until released. */
  readonly until: number | null;
}

/** What retention reads for one customer at one instant. */
export interface RetentionFacts {
  readonly now: number;
  readonly items: readonly RetentionItem[];
  readonly services: readonly RetentionService[];
  readonly holds: readonly RetentionHold[];
}

/** One reason an item is kept: the clause, the customer's sentence, and until when. */
export interface RetentionKeep {
  readonly clause: string;
  readonly reason: PolicyRetentionDuty['reason'] | 'hold';
  readonly text: Localized;
  /** Epoch ms; null while an open-ended condition lasts (a contract, an assignment, a hold). */
  readonly until: number | null;
  readonly holdId?: string;
}

/** An item with every duty that keeps it; none: nothing keeps it and it may be erased. */
export interface ItemRetention {
  readonly itemId: string;
  readonly category: string;
  readonly keeps: readonly RetentionKeep[];
}

const DAY = 86_400_000;

/**
 * RETAIN: for each item, the duties of the policy file and the holds that keep it now (APPI
 * Art. 35(5): erasure of what is no longer needed; the rest is refused with its ground). An item
 * of a service is kept by that service's contract; an item of no service (name, address) by any
 * of the customer's contracts. A policy without a retention section keeps nothing but holds.
 */
export function retentionOf(policy: CompiledPolicy, facts: RetentionFacts): ItemRetention[] {
  const retention = policy.document.retention;
  const offset = offsetMs(policy.offset);
  const services = new Map(facts.services.map((s) => [s.id, s]));
  const holdKeeps: RetentionKeep[] =
    retention === undefined
      ? []
      : facts.holds
          .filter((h) => h.until === null || h.until > facts.now)
          .map((h) => ({
            clause: retention.holdClause,
            reason: 'hold' as const,
            text: retention.holdText,
            until: h.until,
            holdId: h.id,
          }));
  return facts.items.map((item) => {
    const own = item.serviceId === null ? undefined : services.get(item.serviceId);
    const contracts = own !== undefined ? [own] : facts.services;
    const keeps: RetentionKeep[] = [];
    for (const duty of retention?.duties ?? []) {
      if (!duty.categories.includes(item.category)) continue;
      const until = dutyUntil(duty, contracts, facts.now, offset);
      if (until !== undefined)
        keeps.push({ clause: duty.id, reason: duty.reason, text: duty.text, until });
    }
    return { itemId: item.id, category: item.category, keeps: [...keeps, ...holdKeeps] };
  });
}

/** Until when a duty keeps an item of these contracts; undefined when it does not (any more). */
function dutyUntil(
  duty: PolicyRetentionDuty,
  contracts: readonly RetentionService[],
  now: number,
  offset: number,
): number | null | undefined {
  const inForce = (s: RetentionService) => s.endedAt === null || s.endedAt > now;
  switch (duty.reason) {
    case 'activeContract':
      return contracts.some(inForce) ? null : undefined;
    case 'assignedClaims':
      // No settlement is recorded: an assignment keeps its claims' data until it is cleared.
      return contracts.some((s) => s.claimsAssignee !== null) ? null : undefined;
    case 'afterContract': {
      // While a contract runs the accounting duty has not begun to run; it starts at its end.
      const ends = contracts.filter((s) => !inForce(s)).map((s) => s.endedAt!);
      if (ends.length === 0) return undefined;
      const until = Math.max(...ends.map((e) => yearsAfter(duty, e, offset)));
      return until > now ? until : undefined;
    }
  }
}

/** The instant `years` after the end (or after the fiscal year end following it), local midnight. */
function yearsAfter(duty: PolicyRetentionDuty, endedAt: number, offset: number): number {
  const local = new Date(endedAt + offset);
  const years = duty.years ?? 0;
  let year = local.getUTCFullYear();
  let month = local.getUTCMonth();
  let day = local.getUTCDate();
  if (duty.fromFiscalYearEnd !== undefined) {
    const [m, d] = duty.fromFiscalYearEnd.split('-').map(Number) as [number, number];
    // The fiscal year ends on the first such day on or after the contract's end.
    const beforeEnd = month < m - 1 || (month === m - 1 && day <= d);
    if (!beforeEnd) year += 1;
    month = m - 1;
    day = d;
    // Kept through the fiscal year's last day: the period begins the next day.
    return Date.UTC(year + years, month, day) + DAY - offset;
  }
  return Date.UTC(year + years, month, day) - offset;
}

/** '+09:00' → milliseconds. */
function offsetMs(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number) as [number, number];
  return sign * (h * 60 + m) * 60_000;
}
