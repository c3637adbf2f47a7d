import { HogoError } from '../errors/index.ts';
import { decide, isDecisionError } from '../policy/index.ts';
import { can, inScope, purposeInScope, type Principal } from '../security/index.ts';
import { audiencePage } from './audience-page.ts';
import { customerIdPage } from './customer-id-page.ts';
import type { RegistryDeps } from './registry-deps.ts';
import { registryDb } from './registry-tables.ts';
import { itemContext } from './value-contexts.ts';

/** What a data set of anonymously processed information is made from (§7 ANONYMIZED). */
export interface AnonymizationSourceQuery {
  /** Only customers of this group ('REG' or 'OTH'); default both. */
  readonly group?: string;
  /** The item categories, one column each. */
  readonly categories: readonly string[];
  /** Items acquired at or after this instant (ms), and before `acquiredBefore`. */
  readonly acquiredFrom?: number;
  readonly acquiredBefore?: number;
  /** The purpose the data set is made for: every item is decided by the policy for it. */
  readonly purpose: string;
  /** What the one audit entry names (the data set's id or name). */
  readonly dataset: string;
}

/** One row per customer: the customer id and one permitted value per category, in query order. */
export interface AnonymizationSource {
  readonly customers: readonly { readonly customerId: string; readonly values: string[] }[];
  /**
   * Customers visible and considered; included; incomplete: left out for want of a permitted
   * item in every category (those outside the group or the window among them); items read;
   * items refused, by the clauses cited.
   */
  readonly tally: {
    readonly considered: number;
    readonly included: number;
    readonly incomplete: number;
    readonly itemsRead: number;
    readonly denied: Readonly<Record<string, number>>;
  };
}

/** My Number Act Art. 9, 19: individual numbers are used only for the uses the Act lists. */
const MY_NUMBER = 'myNumber';
const PAGE = 500;

/**
 * The current items of a data set's source, read from the registry page by page in one
 * transaction. Each item is decided by the policy for the query's purpose like every use (an
 * opted-out or suspended customer, an item outside the purpose, a transitional item, is
 * refused; an ad opt-out in force keeps the customer out too); erased customers, superseded versions and recordings past retention are never read;
 * My Number items are never selected (My Number Act Art. 9, 19). A customer enters only with a
 * permitted value in every category asked (the row must be whole). Values are decrypted only
 * with 'registry.readValues' or 'anonymize.create' and a category in scope (SECURITY.6), and the
 * job's reads are audited as ONE entry ('anonymize.readValues') naming the data set and counts.
 */
export async function anonymizationSource(
  ctx: RegistryDeps,
  principal: Principal,
  query: AnonymizationSourceQuery,
  onProgress?: (done: number, total: number) => void,
): Promise<AnonymizationSource> {
  if (!can(principal, 'registry.readValues') && !can(principal, 'anonymize.create')) {
    throw new HogoError('auth.forbidden', 'reading values for a data set needs anonymize.create', {
      permission: 'anonymize.create',
    });
  }
  if (!purposeInScope(principal, query.purpose)) {
    throw new HogoError(
      'auth.forbidden',
      `purpose ${query.purpose} is outside this principal's scope`,
      {
        field: 'purpose',
      },
    );
  }
  if (!ctx.policy.document.purposes.some((p) => p.id === query.purpose)) {
    throw new HogoError('registry.invalid_field', `purpose ${query.purpose} is not in the policy`, {
      field: 'purpose',
    });
  }
  const categories = query.categories.filter((c) => c !== MY_NUMBER);
  for (const c of categories) {
    if (!inScope(principal, c)) {
      throw new HogoError('auth.forbidden', `category ${c} is outside this principal's scope`, {
        field: 'categories',
      });
    }
  }
  const now = ctx.clock();
  const atIso = new Date(now).toISOString();
  return ctx.store.db.transaction().execute(async (tx) => {
    const total = Number(
      (
        await registryDb(tx)
          .selectFrom('customers')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const column = new Map(categories.map((c, i) => [c, i]));
    const customers: { customerId: string; values: string[] }[] = [];
    const denied: Record<string, number> = {};
    let considered = 0;
    let incomplete = 0;
    let itemsRead = 0;
    let after: string | null = null;
    onProgress?.(0, total);
    for (;;) {
      const ids = await customerIdPage(tx, after, PAGE);
      if (ids.length === 0) break;
      after = ids[ids.length - 1]!;
      const page =
        categories.length === 0
          ? { items: [], customers: new Map() }
          : await audiencePage(tx, {
              first: ids[0]!,
              last: after,
              categories,
              at: now,
              now,
            });
      // Per customer, per category: the permitted item acquired last.
      const chosen = new Map<string, { acquired: number; item: (typeof page.items)[number] }[]>();
      for (const item of page.items) {
        const facts = page.customers.get(item.customer_id)!;
        if (query.group !== undefined && facts.group !== query.group) continue;
        // Reading: the policy's opt-out (ADS.OPT_OUT) names ad platforms, but a data set made
        // here may be provided to third parties (APPI Art. 44), so an objection in force keeps
        // the customer out of every data set as well.
        if (facts.adOptOut) {
          denied['ADS.OPT_OUT'] = (denied['ADS.OPT_OUT'] ?? 0) + 1;
          continue;
        }
        if (query.acquiredFrom !== undefined && item.acquired_at < query.acquiredFrom) continue;
        if (query.acquiredBefore !== undefined && item.acquired_at >= query.acquiredBefore) {
          continue;
        }
        const outcome = decide(
          ctx.policy,
          {
            at: atIso,
            purpose: query.purpose,
            customer: facts,
            item: {
              category: item.category,
              acquiredAt: new Date(item.acquired_at).toISOString(),
              ...(item.service_name !== null
                ? {
                    service: {
                      id: item.service_name,
                      transferredFromDocomo: item.transferred_from_docomo === 1,
                      ...(item.ended_at !== null
                        ? { endedAt: new Date(item.ended_at).toISOString() }
                        : {}),
                    },
                  }
                : {}),
              ...(item.survey !== null ? { survey: item.survey } : {}),
            },
          },
          { now },
        );
        if (isDecisionError(outcome) || outcome.decision !== 'permit') {
          const key = isDecisionError(outcome) ? outcome.error.code : outcome.clauses.join(' ');
          denied[key] = (denied[key] ?? 0) + 1;
          continue;
        }
        const slots = chosen.get(item.customer_id) ?? new Array(categories.length);
        const c = column.get(item.category)!;
        if (slots[c] === undefined || slots[c].acquired < item.acquired_at) {
          slots[c] = { acquired: item.acquired_at, item };
        }
        chosen.set(item.customer_id, slots);
      }
      const whole = ids.filter((id) => {
        const slots = chosen.get(id);
        return slots !== undefined && categories.every((_, c) => slots[c] !== undefined);
      });
      considered += ids.length;
      incomplete += ids.length - whole.length;
      const ciphers = whole.length > 0 ? await ctx.keys.ciphersFor(tx, whole) : undefined;
      for (const id of whole) {
        const cipher = ciphers!.get(id)!;
        const values = chosen
          .get(id)!
          .map((s: { item: { id: string; value: Uint8Array } }) =>
            cipher.decrypt(s.item.value, itemContext(s.item.id)),
          );
        itemsRead += values.length;
        customers.push({ customerId: id, values });
      }
      onProgress?.(considered, total);
    }
    // One audit entry for the whole job: what was read, for which data set, by whom.
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'anonymize.readValues',
        clauses: ['ANONYMIZED'],
        detail: {
          dataset: query.dataset,
          purpose: query.purpose,
          categories,
          customers: customers.length,
          items: itemsRead,
        },
      },
    ]);
    return {
      customers,
      tally: { considered, included: customers.length, incomplete, itemsRead, denied },
    };
  });
}
