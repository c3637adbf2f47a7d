import type { Kysely } from 'kysely';
import { HogoError } from '../errors/index.ts';
import {
  isLegalObligationKind,
  isLegalRefusal,
  legalCategoryAllowed,
  legalGroundFor,
  type CompiledPolicy,
  type PolicyLegalGround,
} from '../policy/index.ts';
import { authorize, newId } from '../registry/index.ts';
import type { Store } from '../store/index.ts';
import { requireRecipient } from './recipient-rows.ts';
import type { AuditLog, Principal } from '../security/index.ts';
import { legalProvisionView, type LegalProvisionView } from './legal-provision-view.ts';
import type { ProvideInput } from './provide-input.ts';
import { provisionDb, type ProvisionTables } from './provision-tables.ts';
import { requireProvisionScope } from './require-provision-scope.ts';

/** What the provisions required by law need, and nothing more. */
export interface LegalProvisionDeps {
  readonly store: Pick<Store, 'db' | 'capabilities'>;
  readonly policy: CompiledPolicy;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: () => number;
}

/**
 * PROVIDE.AUTHORITY: the ground of a provision required by law, checked as the policy file has
 * it: a ground of the file for this recipient kind, the law and the document requiring it, no
 * §3 purpose (Art. 18(3)(i), 27(1)(i): the law, not a purpose, requires it), and restricted
 * categories only where the ground names them (My Number: My Number Act Art. 19).
 */
export function requireLegalGround(
  policy: CompiledPolicy,
  kind: string,
  input: ProvideInput,
): PolicyLegalGround {
  if (!input.legalBasis || !input.documentReference) {
    throw new HogoError(
      'provision.legal_basis_required',
      'a provision to an authority records its legal basis and the document requiring it',
      {
        field: input.legalBasis ? 'documentReference' : 'legalBasis',
        clauses: ['PROVIDE.AUTHORITY'],
      },
    );
  }
  const ground = legalGroundFor(policy, input.legalGround, kind);
  if (isLegalRefusal(ground)) {
    const code =
      ground.code === 'provision.legal_ground_required'
        ? ground.code
        : 'provision.invalid_legal_ground';
    throw new HogoError(code, ground.message, { field: ground.field, clauses: ground.clauses });
  }
  if (input.purpose !== undefined) {
    throw new HogoError(
      'provision.purpose_not_allowed',
      'a provision required by law rests on its legal ground, not on a purpose of §3 (APPI Art. 18(3)(i))',
      { field: 'purpose', clauses: [ground.clause] },
    );
  }
  const category = (input.itemCategories ?? []).find(
    (c) => !legalCategoryAllowed(policy, ground, c),
  );
  if (category !== undefined) {
    throw new HogoError(
      'provision.category_not_allowed',
      `the legal ground ${ground.id} does not let ${category} be provided`,
      { field: 'itemCategories', category, clauses: [ground.clause] },
    );
  }
  return ground;
}

/**
 * Records a provision required by law as asked for, awaiting a second person's approval
 * (SECURITY.3: four eyes): nothing leaves and nothing enters the ledger until then.
 */
export async function requestLegalProvision(
  deps: LegalProvisionDeps,
  principal: Principal,
  input: ProvideInput,
): Promise<LegalProvisionView> {
  authorize(principal, 'provision.provide');
  if ((input.itemCategories === undefined) === (input.itemIds === undefined)) {
    throw new HogoError('provision.invalid_selection', 'give itemCategories or itemIds', {
      field: 'itemCategories',
    });
  }
  const now = deps.clock();
  return deps.store.db.transaction().execute(async (tx) => {
    const recipient = await requireRecipient(tx, input.recipientId);
    if (!isLegalObligationKind(deps.policy, recipient.kind)) {
      throw new HogoError(
        'provision.invalid_recipient',
        `no legal ground of the policy provides to a recipient of kind ${recipient.kind}`,
        { field: 'recipientId' },
      );
    }
    return insertRequest(tx, deps, principal, recipient, input, now);
  });
}

async function insertRequest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  deps: LegalProvisionDeps,
  principal: Principal,
  recipient: ProvisionTables['provision_recipients'],
  input: ProvideInput,
  now: number,
): Promise<LegalProvisionView> {
  const ground = requireLegalGround(deps.policy, recipient.kind, input);
  requireProvisionScope(principal, { purpose: undefined, categories: input.itemCategories ?? [] });
  const row: ProvisionTables['legal_provision_requests'] = {
    id: newId(now),
    recipient_id: recipient.id,
    customer_ids: JSON.stringify([...new Set(input.customerIds)]),
    item_categories: input.itemCategories ? JSON.stringify(input.itemCategories) : null,
    item_ids: input.itemIds ? JSON.stringify(input.itemIds) : null,
    legal_ground: ground.id,
    legal_basis: input.legalBasis!,
    document_reference: input.documentReference!,
    state: 'awaitingApproval',
    requested_by: principal.id,
    requested_at: now,
    decided_by: null,
    decided_at: null,
    provision_id: null,
  };
  await provisionDb(tx).insertInto('legal_provision_requests').values(row).execute();
  await deps.audit.append(tx, [
    {
      actor: principal.id,
      action: 'provision.legal.request',
      clauses: [ground.clause],
      detail: { legalProvisionId: row.id, recipientId: recipient.id, legalGround: ground.id },
    },
  ]);
  return legalProvisionView(row);
}
