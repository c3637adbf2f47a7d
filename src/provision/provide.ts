import type { Kysely } from 'kysely';
import type { ProvisionDeps } from './provision-deps.ts';
import { HogoError } from '../errors/index.ts';
import { requireRegisteredCountry } from '../governance/index.ts';
import { isDecisionError, isLegalObligationKind } from '../policy/index.ts';
import {
  authorize,
  itemsForProvision,
  newId,
  type ProvisionItem,
  decideForCustomersIn,
} from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { LedgerEntry } from './ledger-row.ts';
import type { ProvideInput } from './provide-input.ts';
import type { ProvidedItem, ProvisionResult, RefusedItem } from './provision-result.ts';
import { provisionDb } from './provision-tables.ts';
import { requireRecipient } from './recipient-rows.ts';
import { CLAUSE_OF_KIND, type RecipientKind } from './recipient-kind.ts';
import { requireDiligence } from './require-diligence.ts';
import { requireProvisionScope } from './require-provision-scope.ts';
import { writeLedger } from './write-ledger.ts';

/**
 * Every provision to a third party goes through here (§5). A provision required by law
 * (PROVIDE.AUTHORITY) is not: it is asked for (`requestLegalProvision`) and made on a second
 * person's approval (`approveLegalProvision`). Refuses the whole provision when the recipient's diligence is not
 * in force (PROVIDE.DUE_DILIGENCE) or the purpose or a category is outside the principal's
 * scope; then decides each item by the policy (suspension of provision,
 * purpose, transitional provisions), provides to a claims collector only the items of services
 * whose claims are assigned to it (PROVIDE.CLAIMS), and writes one ledger row per customer —
 * decisions, ledger and audit in one transaction. Needs 'provision.provide'.
 */
export async function provide(
  ctx: ProvisionDeps,
  principal: Principal,
  input: ProvideInput,
): Promise<ProvisionResult> {
  authorize(principal, 'provision.provide');
  // SECURITY.6: values leave only for a principal who may read them.
  if (input.values === true) authorize(principal, 'registry.readValues');
  if ((input.itemCategories === undefined) === (input.itemIds === undefined)) {
    throw new HogoError('provision.invalid_selection', 'give itemCategories or itemIds', {
      field: 'itemCategories',
    });
  }
  // Decided, checked and recorded at the moment the items are handed over: a provision is not
  // backdated past a suspension, nor dated ahead past one's end.
  const now = ctx.clock();
  const at = now;
  const atIso = new Date(at).toISOString();
  return ctx.store.db.transaction().execute(async (tx) => {
    const recipient = await requireRecipient(tx, input.recipientId);
    const kind = recipient.kind as RecipientKind;
    if (kind === 'adPlatform') {
      throw new HogoError(
        'provision.invalid_recipient',
        'ad platforms receive hashed audiences through an ad export only (ADS)',
        { field: 'recipientId' },
      );
    }
    // 'family' (the family-call ledger's recipient) is no RecipientKind: only kinds with a clause.
    if (!Object.hasOwn(CLAUSE_OF_KIND, kind)) {
      throw new HogoError(
        'provision.invalid_recipient',
        'a family caller is answered through a family call only (PROVIDE.FAMILY)',
        { field: 'recipientId' },
      );
    }
    // PROVIDE.AUTHORITY: required by law, asked for by one and approved by another (four eyes).
    if (isLegalObligationKind(ctx.policy, kind)) {
      throw new HogoError(
        'provision.invalid_recipient',
        'a provision required by law is asked for at POST /v1/legal-provisions and made on a second person’s approval (PROVIDE.AUTHORITY)',
        { field: 'recipientId', clauses: ['PROVIDE.AUTHORITY'] },
      );
    }
    const purpose = input.purpose;
    if (purpose === undefined) {
      throw new HogoError('provision.purpose_required', 'a provision names its purpose (§3)', {
        field: 'purpose',
      });
    }
    // SECURITY.7 (APPI Art. 28): no provision to a country the register does not know.
    requireRegisteredCountry(ctx.policy, recipient);
    await requireDiligence(tx, recipient, at);
    const jointItems = kind === 'jointUser' ? await jointUseItems(tx, recipient.id, at) : null;
    const customerIds = [...new Set(input.customerIds)];
    requireProvisionScope(principal, {
      purpose: input.purpose,
      categories: input.itemCategories ?? [],
    });
    const items = await itemsForProvision(ctx, tx, principal, {
      customerIds,
      ...(input.itemCategories ? { categories: input.itemCategories } : {}),
      ...(input.itemIds ? { itemIds: input.itemIds } : {}),
      values: input.values === true,
      reason: { purpose },
    });
    // Items asked for by id: their categories too (the transaction rolls back the reads' audit).
    requireProvisionScope(principal, {
      purpose: undefined,
      categories: items.map((item) => item.category),
    });
    const outcomes = await decideForCustomersIn(
      ctx,
      tx,
      principal,
      items.map((item) => ({
        customerId: item.customerId,
        itemId: item.id,
        purpose,
        at: atIso,
        recipient: { kind, id: recipient.id },
      })),
      now,
    );
    const refused: RefusedItem[] = [];
    const provided = new Map<string, { items: ProvidedItem[]; clauses: Set<string> }>();
    items.forEach((item, i) => {
      const outcome = outcomes[i]!;
      const refuse = (reason: string, clauses: readonly string[]) =>
        refused.push({
          customerId: item.customerId,
          itemId: item.id,
          category: item.category,
          reason,
          clauses,
        });
      if (isDecisionError(outcome)) return refuse(outcome.error.code, []);
      if (outcome.decision === 'deny') return refuse('denied', outcome.clauses);
      // JOINT_USE (APPI Art. 27(5)(iii)): only the items the register published for this user.
      if (jointItems !== null && !jointItems.has(item.category)) {
        return refuse('not_in_joint_use', ['JOINT_USE']);
      }
      // PROVIDE.CLAIMS: only where the service's claims are assigned to this collector.
      if (kind === 'claimsCollector' && item.claimsAssignee !== recipient.id) {
        return refuse('claims_not_assigned', ['PROVIDE.CLAIMS']);
      }
      const entry = provided.get(item.customerId) ?? { items: [], clauses: new Set<string>() };
      entry.items.push(providedItem(item));
      outcome.clauses.forEach((c) => entry.clauses.add(c));
      provided.set(item.customerId, entry);
    });
    // Items asked for by id that no listed, visible customer holds as a current item.
    const found = new Set(items.map((item) => item.id));
    for (const itemId of input.itemIds ?? []) {
      if (!found.has(itemId)) {
        refused.push({
          customerId: null,
          itemId,
          category: null,
          reason: 'not_found',
          clauses: [],
        });
      }
    }
    for (const customerId of customerIds) {
      if (!items.some((item) => item.customerId === customerId)) {
        refused.push({ customerId, itemId: null, category: null, reason: 'no_items', clauses: [] });
      }
    }
    const provisionId = newId(now);
    const entries = [...provided].map(([customerId, e]): LedgerEntry => ({
      provisionId,
      customerId,
      recipientId: recipient.id,
      providedAt: at,
      itemCategories: [...new Set(e.items.map((x) => x.category))].sort(),
      itemIds: e.items.map((x) => x.id),
      clause: CLAUSE_OF_KIND[kind],
      ground: [...e.clauses].join(' '),
      purpose,
      legalBasis: null,
      documentReference: null,
    }));
    await writeLedger(tx, recipient, entries, principal.id, now);
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'provision',
        clauses: [CLAUSE_OF_KIND[kind]],
        detail: {
          provisionId,
          recipientId: recipient.id,
          customers: entries.length,
          items: entries.reduce((n, e) => n + e.itemIds.length, 0),
          refused: refused.length,
        },
      },
    ]);
    return {
      provisionId,
      recipientId: recipient.id,
      at: atIso,
      provided: [...provided].map(([customerId, e]) => ({ customerId, items: e.items })),
      refused,
    };
  });
}

function providedItem(item: ProvisionItem): ProvidedItem {
  return {
    id: item.id,
    category: item.category,
    ...(item.value !== undefined ? { value: item.value } : {}),
  };
}

/**
 * JOINT_USE: the item categories the joint-use register publishes for this joint user, over the
 * entries in force at `at` (started, not ended). None in force refuses the whole provision
 * ('provision.joint_use_missing'): joint use without a published entry is a provision to a
 * third party the policy does not allow.
 */
async function jointUseItems(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  recipientId: string,
  at: number,
): Promise<Set<string>> {
  const entries = await provisionDb(tx)
    .selectFrom('joint_uses')
    .select(['joint_users', 'items'])
    .where('started_at', '<=', at)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', at)]))
    .execute();
  const items = new Set<string>();
  for (const e of entries) {
    if (!(JSON.parse(e.joint_users) as string[]).includes(recipientId)) continue;
    for (const category of JSON.parse(e.items) as string[]) items.add(category);
  }
  if (items.size === 0) {
    throw new HogoError(
      'provision.joint_use_missing',
      'no entry of the joint-use register in force names this joint user',
      { recipientId, clauses: ['JOINT_USE'] },
    );
  }
  return items;
}
