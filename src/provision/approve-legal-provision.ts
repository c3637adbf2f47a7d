import { HogoError } from '../errors/index.ts';
import { legalCategoryAllowed } from '../policy/index.ts';
import { authorize, itemsForProvision, newId } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { ProvisionDeps } from './provision-deps.ts';
import type { LedgerEntry } from './ledger-row.ts';
import { legalProvisionView, type LegalProvisionView } from './legal-provision-view.ts';
import type { ProvidedItem, ProvisionResult, RefusedItem } from './provision-result.ts';
import { provisionDb } from './provision-tables.ts';
import { requireRecipient } from './recipient-rows.ts';
import { requireLegalGround } from './request-legal-provision.ts';
import { requireProvisionScope } from './require-provision-scope.ts';
import { writeLedger } from './write-ledger.ts';

/**
 * PROVIDE.AUTHORITY: a second principal approves a provision required by law, and only then
 * do the items leave (SECURITY.3, four eyes: never the one who asked). The ground is checked
 * again against the policy in force, the approver's scope bounds the items, restricted
 * categories leave only where the ground names them; no §3 purpose is decided (APPI Art.
 * 18(3)(i)). Recorded for the company's own audit, marked as no Art. 29 record (Art. 27(1)),
 * with the ground and the approver. Needs 'provision.provide'.
 */
export async function approveLegalProvision(
  ctx: ProvisionDeps,
  principal: Principal,
  input: { readonly id: string; readonly values?: boolean },
): Promise<{ readonly request: LegalProvisionView; readonly provision: ProvisionResult }> {
  authorize(principal, 'provision.provide');
  if (input.values === true) authorize(principal, 'registry.readValues');
  const now = ctx.clock();
  return ctx.store.db.transaction().execute(async (tx) => {
    const db = provisionDb(tx);
    const row = await db
      .selectFrom('legal_provision_requests')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (row === undefined) {
      throw new HogoError('provision.legal_provision_not_found', `no legal provision ${input.id}`, {
        field: 'id',
      });
    }
    if (row.state !== 'awaitingApproval') {
      throw new HogoError('provision.approval_conflict', `the legal provision is ${row.state}`, {
        state: row.state,
      });
    }
    if (row.requested_by === principal.id) {
      throw new HogoError(
        'provision.approval_by_requester',
        'a provision required by law is approved by someone other than who asked for it (four eyes)',
        { clauses: ['PROVIDE.AUTHORITY', 'SECURITY.3'] },
      );
    }
    const recipient = await requireRecipient(tx, row.recipient_id);
    const categories =
      row.item_categories === null ? undefined : (JSON.parse(row.item_categories) as string[]);
    const itemIds = row.item_ids === null ? undefined : (JSON.parse(row.item_ids) as string[]);
    const ground = requireLegalGround(ctx.policy, recipient.kind, {
      recipientId: row.recipient_id,
      customerIds: [],
      legalGround: row.legal_ground,
      legalBasis: row.legal_basis,
      documentReference: row.document_reference,
      ...(categories ? { itemCategories: categories } : {}),
    });
    requireProvisionScope(principal, { purpose: undefined, categories: categories ?? [] });
    const customerIds = JSON.parse(row.customer_ids) as string[];
    const items = await itemsForProvision(ctx, tx, principal, {
      customerIds,
      ...(categories ? { categories } : {}),
      ...(itemIds ? { itemIds } : {}),
      values: input.values === true,
      reason: { basis: 'PROVIDE.AUTHORITY' },
    });
    requireProvisionScope(principal, {
      purpose: undefined,
      categories: items.map((i) => i.category),
    });
    const refused: RefusedItem[] = [];
    const provided = new Map<string, ProvidedItem[]>();
    for (const item of items) {
      // My Number Act Art. 19, OBTAIN.SENSITIVE: only where the ground names the category.
      if (!legalCategoryAllowed(ctx.policy, ground, item.category)) {
        refused.push({
          customerId: item.customerId,
          itemId: item.id,
          category: item.category,
          reason: 'not_required_by_law',
          clauses: [ground.clause],
        });
        continue;
      }
      const list = provided.get(item.customerId) ?? [];
      list.push({
        id: item.id,
        category: item.category,
        ...(item.value !== undefined ? { value: item.value } : {}),
      });
      provided.set(item.customerId, list);
    }
    const provisionId = newId(now);
    const entries = [...provided].map(([customerId, list]): LedgerEntry => ({
      provisionId,
      customerId,
      recipientId: recipient.id,
      providedAt: now,
      itemCategories: [...new Set(list.map((x) => x.category))].sort(),
      itemIds: list.map((x) => x.id),
      clause: ground.clause,
      ground: ground.law,
      purpose: '',
      legalBasis: row.legal_basis,
      documentReference: row.document_reference,
      legalGround: ground.id,
      approvedBy: principal.id,
    }));
    await writeLedger(tx, recipient, entries, row.requested_by, now);
    await db
      .updateTable('legal_provision_requests')
      .set({
        state: 'approved',
        decided_by: principal.id,
        decided_at: now,
        provision_id: provisionId,
      })
      .where('id', '=', row.id)
      .execute();
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'provision.legal.approve',
        clauses: [ground.clause],
        detail: {
          legalProvisionId: row.id,
          provisionId,
          requestedBy: row.requested_by,
          legalGround: ground.id,
          customers: entries.length,
          items: entries.reduce((n, e) => n + e.itemIds.length, 0),
          refused: refused.length,
        },
      },
    ]);
    return {
      request: legalProvisionView({
        ...row,
        state: 'approved',
        decided_by: principal.id,
        decided_at: now,
        provision_id: provisionId,
      }),
      provision: {
        provisionId,
        recipientId: recipient.id,
        at: new Date(now).toISOString(),
        provided: [...provided].map(([customerId, list]) => ({ customerId, items: list })),
        refused,
      },
    };
  });
}
