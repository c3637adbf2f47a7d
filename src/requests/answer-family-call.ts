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
    const call: Call = {
      ctx,
      tx,
      inTx: { ...ctx, store: { ...ctx.store, db: joinTransaction(tx) } },
      principal,
      input,
      id: randomUUID(),
      now: ctx.clock(),
    };
    const checked = await checkCaller(call);
    if ('refusal' in checked) return refuseCall(call, checked.refusal, checked.sealed);
    const told = await decideWhatToTell(call, checked);
    if ('refusal' in told) return refuseCall(call, told.refusal, checked.sealed);
    return { ok: true, answer: await recordAnswer(call, checked, told) };
  });
  // Thrown after commit: a refused call stays on record.
  if (!outcome.ok) throw outcome.error;
  return outcome.answer;
}

/** One call being answered: who answers, what the caller stated, in which transaction. */
interface Call {
  readonly ctx: RequestDeps;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly tx: Kysely<any>;
  /** The deps with their store joined to `tx`. */
  readonly inTx: RequestDeps;
  readonly principal: Principal;
  readonly input: FamilyCallInput;
  readonly id: string;
  readonly now: number;
}

/** Why a call is refused: its code, the sentence, the clauses besides PROVIDE.FAMILY. */
interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
  readonly clauses: readonly string[];
}

/** A caller who stated the customer's name and address: the matching items, the purpose asked. */
interface CheckedCaller {
  readonly customer: CustomerView;
  readonly name: CustomerView['items'][number];
  readonly address: CustomerView['items'][number];
  readonly purpose: string;
  /** What the caller said, sealed under the customer's key. */
  readonly sealed: Uint8Array;
}

/** The items and services the policy lets a family caller hear of, with the clauses. */
interface ToldItems {
  readonly items: CustomerView['items'];
  readonly contracts: {
    readonly told: readonly ServiceView[];
    readonly clauses: readonly string[];
  };
  readonly clauses: readonly string[];
}

/**
 * Step 1: a family member (never a friend or cohabitant) who states the customer's name and
 * address as the registry holds them; the operator must see both and the purpose asked.
 */
async function checkCaller(
  call: Call,
): Promise<CheckedCaller | { readonly refusal: Refusal; readonly sealed: Uint8Array | null }> {
  const { ctx, inTx, principal, input } = call;
  if (!FAMILY_RELATIONS.has(input.relation))
    return {
      refusal: {
        code: 'family.not_family',
        message: 'only the customer and family members are answered, never friends or cohabitants',
        clauses: [],
      },
      sealed: null,
    };
  // PROVIDE.FAMILY: the caller's answers are checked against the customer's name and address,
  // a read for the family call itself (its basis), not a use for one of the listed purposes.
  const customer = await readCustomer(inTx, principal, {
    customerId: input.customerId,
    basis: { clause: 'PROVIDE.FAMILY', callId: call.id },
  });
  const sealed = await sealCaller(inTx, call.tx, call.id, input);
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
    return {
      refusal: {
        code: 'family.mismatch',
        message: 'the name and address stated do not both match; nothing can be told',
        clauses: [],
      },
      sealed,
    };
  return { customer, name, address, purpose: purpose?.id ?? 'PURPOSE', sealed };
}

/**
 * Step 2: name, address and contract items, each decided by the policy for a family recipient
 * (a suspension of provision refuses the call unless name and address may both be told), then
 * the contract relationship service by service.
 */
async function decideWhatToTell(
  call: Call,
  caller: CheckedCaller,
): Promise<ToldItems | { readonly refusal: Refusal }> {
  const { ctx, tx, principal, now } = call;
  const { customer, name, address, purpose } = caller;
  const items = [name, address, ...current(customer, 'contract')];
  const at = new Date(now).toISOString();
  const decisions = await decideForCustomersIn(
    ctx,
    tx,
    principal,
    items.map((i) => ({
      customerId: customer.id,
      itemId: i.id,
      purpose,
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
    return {
      refusal: {
        code: 'family.refused',
        message: 'the policy forbids telling this customer’s information to a family caller',
        clauses: [...new Set(denied)],
      },
    };
  // The contract relationship is told service by service, each decided as a 'contract' item
  // of this customer would be (a suspension or rule that denies it is obeyed), and recorded.
  const contracts = await decideContracts(ctx, tx, principal, customer, {
    customerId: customer.id,
    itemId: name.id,
    purpose,
    at,
    recipient: { kind: 'family', id: 'family' },
  });
  return {
    items: items.filter((i) => permittedIds.has(i.id)),
    contracts,
    clauses: decisions.flatMap((d) => (isDecisionError(d) ? [] : d.clauses)),
  };
}

/** Step 3: what is told goes into the provision ledger, the call log and the audit log. */
async function recordAnswer(
  call: Call,
  caller: CheckedCaller,
  told: ToldItems,
): Promise<FamilyCallAnswer> {
  const { ctx, tx, principal, input, now } = call;
  const { customer, name, address, purpose } = caller;
  const toldCategories = [
    ...new Set([
      ...told.items.map((i) => i.category),
      ...(told.contracts.told.length > 0 ? ['contract'] : []),
    ]),
  ];
  const provisionId = await recordFamilyProvision(
    tx,
    {
      customerId: customer.id,
      itemIds: told.items.map((i) => i.id),
      itemCategories: toldCategories,
      purpose,
      relation: input.relation,
      at: now,
    },
    principal.id,
    now,
  );
  await logCall(tx, {
    id: call.id,
    input,
    outcome: 'answered',
    provisionId,
    sealed: caller.sealed,
    now,
    by: principal.id,
  });
  const clauses = ['PROVIDE.FAMILY', ...new Set([...told.clauses, ...told.contracts.clauses])];
  await ctx.audit.append(tx, [
    {
      actor: principal.id,
      action: 'family.answer',
      customerId: customer.id,
      itemIds: told.items.map((i) => i.id),
      clauses,
      detail: {
        callId: call.id,
        provisionId,
        relation: input.relation,
        services: told.contracts.told.map((c) => c.id),
      },
    },
  ]);
  return {
    outcome: 'answered',
    clauses,
    provisionId,
    answer: {
      name: name.value!,
      address: address.value!,
      contracts: told.contracts.told.map((s) => ({
        service: s.name,
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        lines: customer.subscriberLines.filter((l) => l.endedAt === null).length,
      })),
      requirements: input.operatorNote ?? '',
    },
  };
}

/** A refused call: logged and audited (saying nothing of the customer), its error returned. */
async function refuseCall(
  call: Call,
  refusal: Refusal,
  sealed: Uint8Array | null,
): Promise<Outcome> {
  const { ctx, tx, principal, input } = call;
  const clauses = ['PROVIDE.FAMILY', ...refusal.clauses];
  await logCall(tx, {
    id: call.id,
    input,
    outcome: refusal.code.slice('family.'.length),
    provisionId: null,
    sealed,
    now: call.now,
    by: principal.id,
  });
  await ctx.audit.append(tx, [
    {
      actor: principal.id,
      action: 'family.refuse',
      customerId: input.customerId,
      clauses,
      detail: { callId: call.id, relation: input.relation, reason: refusal.code },
    },
  ]);
  return { ok: false, error: new HogoError(refusal.code, refusal.message, { clauses }) };
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
