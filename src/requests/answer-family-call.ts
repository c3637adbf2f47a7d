import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RequestDeps } from './request-deps.ts';
import { HogoError, type ErrorCode } from '../errors/index.ts';
import { decide, isDecisionError } from '../policy/index.ts';
import { recordFamilyProvision } from '../provision/index.ts';
import {
  decideForCustomersIn,
  factsForDecision,
  readCustomer,
  type CustomerDecisionInput,
  type CustomerView,
  type ServiceView,
} from '../registry/index.ts';
import { authorize, purposeInScope, type Principal } from '../security/index.ts';
import { joinTransaction } from '../store/index.ts';
import { FAMILY_RELATIONS, type FamilyCallInput } from './family-call-input.ts';
import { requestsDb } from './request-tables.ts';
import { sameText } from './same-text.ts';

/** What a family caller may be told (PROVIDE.FAMILY), and the clauses it rests on. */
export interface FamilyCallAnswer {
  readonly outcome: 'answered';
  readonly clauses: readonly string[];
  readonly provisionId: string;
  readonly answer: {
    readonly name: string;
    readonly address: string;
    readonly contracts: readonly {
      readonly service: string;
      readonly startedAt: string;
      readonly endedAt: string | null;
      readonly lines: number;
    }[];
    readonly requirements: string;
  };
}

type Outcome =
  | { readonly ok: true; readonly answer: FamilyCallAnswer }
  | { readonly ok: false; readonly error: HogoError };

/**
 * PROVIDE.FAMILY: answers someone who calls as the customer's family. Friends and cohabitants
 * are refused ('family.not_family'); the caller must state the customer's name and address and
 * both must match the registry ('family.mismatch') — refusals say nothing of the customer.
 * Then only name, address, the contract relationship and an outline of requirements are told,
 * each item decided by the policy for a family recipient (a suspension of provision refuses:
 * 'family.refused'), recorded in the provision ledger and audited. Needs 'provision.family'
 * and values of name and address in scope.
 */
export async function answerFamilyCall(
  ctx: RequestDeps,
  principal: Principal,
  input: FamilyCallInput,
): Promise<FamilyCallAnswer> {
  authorize(principal, 'provision.family');
  const outcome = await ctx.store.db.transaction().execute(async (tx): Promise<Outcome> => {
    const inTx: RequestDeps = { ...ctx, store: { ...ctx.store, db: joinTransaction(tx) } };
    const now = ctx.clock();
    const callId = randomUUID();
    const refuse = async (
      code: ErrorCode,
      message: string,
      clauses: readonly string[],
      sealed: Uint8Array | null,
    ) => {
      await logCall(tx, {
        id: callId,
        input,
        outcome: code.slice('family.'.length),
        provisionId: null,
        sealed,
        now,
        by: principal.id,
      });
      await ctx.audit.append(tx, [
        {
          actor: principal.id,
          action: 'family.refuse',
          customerId: input.customerId,
          clauses: ['PROVIDE.FAMILY', ...clauses],
          detail: { callId, relation: input.relation, reason: code },
        },
      ]);
      return {
        ok: false,
        error: new HogoError(code, message, { clauses: ['PROVIDE.FAMILY', ...clauses] }),
      } as const;
    };
    if (!FAMILY_RELATIONS.has(input.relation))
      return refuse(
        'family.not_family',
        'only the customer and family members are answered, never friends or cohabitants',
        [],
        null,
      );
    // PROVIDE.FAMILY: the caller's answers are checked against the customer's name and address,
    // a read for the family call itself (its basis), not a use for one of the listed purposes.
    const customer = await readCustomer(inTx, principal, {
      customerId: input.customerId,
      basis: { clause: 'PROVIDE.FAMILY', callId },
    });
    const sealed = await sealCaller(inTx, tx, callId, input);
    const names = current(customer, 'name');
    const addresses = current(customer, 'address');
    if (names.some((i) => i.value === undefined) || addresses.some((i) => i.value === undefined))
      throw new HogoError(
        'auth.forbidden',
        'checking a family caller needs name and address in scope',
        {
          permission: 'registry.readValues',
        },
      );
    const purpose = [...ctx.policy.purposes.values()].find(
      (p) => p.group === customer.group && p.kind === 'listed',
    );
    if (purpose !== undefined && !purposeInScope(principal, purpose.id))
      throw new HogoError(
        'auth.forbidden',
        `answering a family caller needs purpose ${purpose.id} in scope`,
        { permission: 'provision.family' },
      );
    const name = names.find((i) => sameText(i.value!, input.statedName));
    const address = addresses.find((i) => sameText(i.value!, input.statedAddress));
    if (name === undefined || address === undefined)
      return refuse(
        'family.mismatch',
        'the name and address stated do not both match; nothing can be told',
        [],
        sealed,
      );
    const items = [name, address, ...current(customer, 'contract')];
    const at = new Date(now).toISOString();
    const decisions = await decideForCustomersIn(
      ctx,
      tx,
      principal,
      items.map((i) => ({
        customerId: customer.id,
        itemId: i.id,
        purpose: purpose?.id ?? 'PURPOSE',
        at,
        recipient: { kind: 'family', id: 'family' },
      })),
      now,
    );
    const denied = decisions.flatMap((d) =>
      isDecisionError(d) ? ['PURPOSE.NOTIFIED'] : d.decision === 'deny' ? d.clauses : [],
    );
    const permittedIds = new Set(
      items
        .filter((_, i) => {
          const d = decisions[i]!;
          return !isDecisionError(d) && d.decision === 'permit';
        })
        .map((i) => i.id),
    );
    if (!permittedIds.has(name.id) || !permittedIds.has(address.id))
      return refuse(
        'family.refused',
        'the policy forbids telling this customer’s information to a family caller',
        [...new Set(denied)],
        sealed,
      );
    const told = items.filter((i) => permittedIds.has(i.id));
    // The contract relationship is told service by service, each decided as a 'contract' item
    // of this customer would be (a suspension or rule that denies it is obeyed), and recorded.
    const contracts = await decideContracts(ctx, tx, principal, customer, {
      customerId: customer.id,
      itemId: name.id,
      purpose: purpose?.id ?? 'PURPOSE',
      at,
      recipient: { kind: 'family', id: 'family' },
    });
    const toldCategories = [
      ...new Set([
        ...told.map((i) => i.category),
        ...(contracts.told.length > 0 ? ['contract'] : []),
      ]),
    ];
    const provisionId = await recordFamilyProvision(
      tx,
      {
        customerId: customer.id,
        itemIds: told.map((i) => i.id),
        itemCategories: toldCategories,
        purpose: purpose?.id ?? 'PURPOSE',
        relation: input.relation,
        at: now,
      },
      principal.id,
      now,
    );
    await logCall(tx, {
      id: callId,
      input,
      outcome: 'answered',
      provisionId,
      sealed,
      now,
      by: principal.id,
    });
    const clauses = [
      'PROVIDE.FAMILY',
      ...new Set([
        ...decisions.flatMap((d) => (isDecisionError(d) ? [] : d.clauses)),
        ...contracts.clauses,
      ]),
    ];
    await ctx.audit.append(tx, [
      {
        actor: principal.id,
        action: 'family.answer',
        customerId: customer.id,
        itemIds: told.map((i) => i.id),
        clauses,
        detail: {
          callId,
          provisionId,
          relation: input.relation,
          services: contracts.told.map((c) => c.id),
        },
      },
    ]);
    return {
      ok: true,
      answer: {
        outcome: 'answered',
        clauses,
        provisionId,
        answer: {
          name: name.value!,
          address: address.value!,
          contracts: contracts.told.map((s) => ({
            service: s.name,
            startedAt: s.startedAt,
            endedAt: s.endedAt,
            lines: customer.subscriberLines.filter((l) => l.endedAt === null).length,
          })),
          requirements: input.operatorNote ?? '',
        },
      },
    };
  });
  // Thrown after commit: a refused call stays on record.
  if (!outcome.ok) throw outcome.error;
  return outcome.answer;
}

function current(customer: CustomerView, category: string) {
  return customer.items.filter((i) => i.category === category && i.supersededAt === null);
}

async function sealCaller(
  ctx: RequestDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  callId: string,
  input: FamilyCallInput,
): Promise<Uint8Array> {
  const cipher = (await ctx.keys.ciphersFor(tx, [input.customerId])).get(input.customerId)!;
  const text = JSON.stringify({
    callerName: input.callerName,
    operatorNote: input.operatorNote ?? null,
  });
  return cipher.encrypt(text, `family-call:${callId}`);
}

async function logCall(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  c: {
    readonly id: string;
    readonly input: FamilyCallInput;
    readonly outcome: string;
    readonly provisionId: string | null;
    readonly sealed: Uint8Array | null;
    readonly now: number;
    readonly by: string;
  },
): Promise<void> {
  await requestsDb(tx)
    .insertInto('family_calls')
    .values({
      id: c.id,
      customer_id: c.input.customerId,
      relation: c.input.relation,
      outcome: c.outcome,
      provision_id: c.provisionId,
      caller_sealed: c.sealed,
      at: c.now,
      by: c.by,
    })
    .execute();
}

/**
 * The customer's services a family caller may hear of: each decided as the registry would decide
 * an item of category 'contract' obtained under it (the customer's facts — suspensions, opt-outs,
 * consents — from `base`, the decision about the name item), each decision audited.
 */
async function decideContracts(
  ctx: RequestDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  customer: CustomerView,
  base: CustomerDecisionInput,
): Promise<{ told: ServiceView[]; clauses: string[] }> {
  if (customer.services.length === 0) return { told: [], clauses: [] };
  const now = ctx.clock();
  const [facts] = await factsForDecision(tx, ctx.store.capabilities, [base], now);
  if (facts === undefined || facts instanceof Error) return { told: [], clauses: [] };
  const told: ServiceView[] = [];
  const clauses: string[] = [];
  const events = customer.services.map((s) => {
    const outcome = decide(
      ctx.policy,
      {
        ...facts,
        item: {
          category: 'contract',
          acquiredAt: s.startedAt,
          service: {
            id: s.name,
            transferredFromDocomo: s.transferredFromDocomo,
            ...(s.endedAt !== null ? { endedAt: s.endedAt } : {}),
          },
        },
      },
      { now },
    );
    const permitted = !isDecisionError(outcome) && outcome.decision === 'permit';
    if (permitted) {
      told.push(s);
      clauses.push(...outcome.clauses);
    }
    return {
      actor: principal.id,
      action: 'decision',
      customerId: customer.id,
      decision: isDecisionError(outcome) ? null : outcome.decision,
      clauses: isDecisionError(outcome) ? [] : outcome.clauses,
      detail: { purpose: base.purpose, recipient: base.recipient ?? null, serviceId: s.id },
    };
  });
  await ctx.audit.append(tx, events);
  return { told, clauses };
}
