import { readDecisionRequest, type ReadRequest, type Writable } from './read-decision-request.ts';
import {
  TEMPLATED,
  type CompiledPolicy,
  type CompiledPurpose,
  type Reason,
} from './compile-policy.ts';
import type { DecisionFacts } from './decision-facts.ts';
import type { DecisionError, DecisionOutcome, DecisionResult } from './decision-request.ts';

/** Options of `decide`: the clock used when a request has no `at`. */
export interface DecideOptions {
  /** Milliseconds since the epoch; default Date.now(). */
  readonly now?: number;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Decides one request (spec/decision-format.md) against a compiled policy: pure and
 * synchronous. A malformed request gets an error naming the path, never an exception.
 *
 * @example
 * decide(policy, { purpose: 'PURPOSE.REG.7', customer: { group: 'REG' },
 *   item: { category: 'email', acquiredAt: '2022-07-01T00:30:00+09:00' } })
 */
export function decide(
  policy: CompiledPolicy,
  request: unknown,
  // Optional rather than defaulted: a default `{}` would be an allocation per decision.
  options?: DecideOptions,
): DecisionOutcome {
  // Read into one scratch object, like the facts below: nothing outlives the call.
  const read = readDecisionRequest(request, policy.vocabulary, READ);
  // The scratch object comes back for a valid request, an error otherwise: one identity check.
  if (read !== READ) return read as DecisionError;
  const req = READ;
  const at = Number.isNaN(req.at) ? (options?.now ?? Date.now()) : req.at;

  const version = versionIndexAt(policy, at);
  if (version < 0) {
    return result('deny', [policy.notInForce.clause], null, policy.notInForce.reason);
  }
  const versionId = policy.versions[version]!.id;
  const purpose = policy.purposes.get(req.purpose);
  if (purpose === undefined || purpose.group !== req.group || !inForceAt(purpose, version, at)) {
    return unknownPurpose(policy, req.purpose, purpose, versionId);
  }

  let consented = false;
  const consents = req.consents;
  for (let i = 0, n = req.consentCount; i < n; i++) {
    const c = consents[i]!;
    if (c.purpose === purpose.id && c.at <= at) consented = true;
  }
  let suspendedUse = false;
  let suspendedProvision = false;
  const suspensions = req.suspensions;
  for (let i = 0, n = req.suspensionCount; i < n; i++) {
    const s = suspensions[i]!;
    if (s.from > at) continue;
    if (s.kind === 'provision') suspendedProvision = true;
    else if (s.purposes === null ? purpose.suspendable : s.purposes.includes(purpose.id)) {
      suspendedUse = true;
    }
  }
  const ended = req.endedAt <= at;
  // One scratch object, overwritten whole by every decision: decide is synchronous and the
  // conditions are pure, so nothing can observe it between two decisions; no allocation.
  const facts = SCRATCH;
  facts.at = at;
  facts.version = versionId;
  facts.purposeId = purpose.id;
  facts.purposeGroup = purpose.group;
  facts.purposeKind = purpose.kind;
  facts.purposeSuspendable = purpose.suspendable;
  facts.purposeMyNumberProcedure = purpose.myNumberProcedure;
  facts.purposeNotified = notifiedAt(policy, purpose, req.acquiredAt, req.serviceId, req.survey);
  facts.customerGroup = req.group;
  facts.customerAdOptOut = req.adOptOut;
  facts.customerConsented = consented;
  facts.customerSuspendedUse = suspendedUse;
  facts.customerSuspendedProvision = suspendedProvision;
  facts.itemCategory = req.category;
  facts.itemAcquiredAt = req.acquiredAt;
  facts.itemServiceId = req.serviceId;
  facts.itemServiceTransferredFromDocomo = req.transferredFromDocomo;
  facts.itemServiceEnded = ended;
  facts.itemSurvey = req.survey;
  facts.recipientKind = req.recipientKind;
  facts.recipientId = req.recipientId;
  facts.recipientAccepts =
    req.recipientKind === 'adPlatform' && req.recipientId !== null
      ? (policy.adPlatformAccepts.get(req.recipientId) ?? EMPTY)
      : EMPTY;

  const reasons = purpose.reasons[version]!;
  // Every failing clause is cited, most decisive first: the purpose's own condition (as
  // SP.2022.TRANSITIONAL), then the rules in file order. The failures are gathered as bits,
  // so that a deny of any combination uses an array made once.
  const conditionFailed = purpose.condition !== null && !purpose.condition(facts);
  const active = policy.rulesByVersion[version]!;
  const rules = policy.rules;
  let first = -1;
  let failures = conditionFailed ? 1 : 0;
  let count = failures;
  const bits = policy.ruleBitsByVersion;
  if (bits !== null) {
    const held = bits[version]!(facts);
    if (held !== 0) {
      // The lowest bit is the first failing rule in file order.
      first = 30 - Math.clz32(held & -held);
      count += (held & (held - 1)) === 0 ? 1 : 2;
      failures |= held;
    }
  } else {
    for (let i = 0; i < active.length; i++) {
      const index = active[i]!;
      if (!rules[index]!.when(facts)) continue;
      if (first < 0) first = index;
      count++;
    }
  }
  if (conditionFailed || first >= 0) {
    const denied =
      count === 1
        ? conditionFailed
          ? purpose.denyByCondition
          : purpose.denyByRule[first]!
        : bits !== null
          ? combinedDenial(policy, purpose, failures)
          : denialOf(policy, purpose, conditionFailed, failingRules(facts, active, rules));
    const denyReason = conditionFailed ? reasons.condition : reasons.rules[first]!;
    return result('deny', denied, versionId, personalize(denyReason, facts));
  }

  // PURPOSE.NOTIFIED: the purpose binds this item only through the later consent.
  const byConsent = !facts.purposeNotified;
  const afterTermination = ended && policy.afterTerminationClause !== null;
  let clauses =
    req.recipientKind === null
      ? purpose.permitPlain
      : (purpose.permitTo.get(req.recipientKind) ?? purpose.permitPlain);
  if (byConsent || afterTermination) {
    clauses = permitVariant(
      policy,
      purpose,
      clauses,
      (byConsent ? 1 : 0) | (afterTermination ? 2 : 0),
    );
  }
  return result(
    'permit',
    clauses,
    versionId,
    personalize(byConsent ? reasons.consent : reasons.permit, facts),
  );
}

/** A deny's clauses for a set of failures, made once per purpose and combination. */
function combinedDenial(
  policy: CompiledPolicy,
  purpose: CompiledPurpose,
  failures: number,
): readonly string[] {
  let denied = purpose.denyCombined.get(failures);
  if (denied === undefined) {
    const failing: number[] = [];
    for (let index = 0; index < policy.rules.length; index++) {
      if (failures & (2 << index)) failing.push(index);
    }
    denied = Object.freeze(denialOf(policy, purpose, (failures & 1) === 1, failing));
    purpose.denyCombined.set(failures, denied);
  }
  return denied;
}

/** The failing rules' indexes, in file order (for policies with more rules than bits). */
function failingRules(
  facts: DecisionFacts,
  active: readonly number[],
  rules: CompiledPolicy['rules'],
): number[] {
  return active.filter((index) => rules[index]!.when(facts));
}

/** The purpose's condition's clause first, then each failing rule's, the purpose last. */
function denialOf(
  policy: CompiledPolicy,
  purpose: CompiledPurpose,
  conditionFailed: boolean,
  failing: readonly number[],
): string[] {
  const first = conditionFailed ? purpose.denyByCondition : purpose.denyByRule[failing[0]!]!;
  const denied = first.filter((c) => c !== purpose.id);
  for (const index of conditionFailed ? failing : failing.slice(1)) {
    for (const c of policy.rules[index]!.clauses) if (!denied.includes(c)) denied.push(c);
  }
  denied.push(purpose.id);
  return denied;
}

/** A permit's clauses with consent (1) and/or after termination (2) cited, made once. */
function permitVariant(
  policy: CompiledPolicy,
  purpose: CompiledPurpose,
  base: readonly string[],
  variant: number,
): readonly string[] {
  let variants = purpose.permitVariants.get(base);
  if (variants === undefined) purpose.permitVariants.set(base, (variants = []));
  let clauses = variants[variant];
  if (clauses === undefined) {
    const extended = base.filter((c) => !policy.permitCites.includes(c));
    if (variant & 1) extended.push(policy.unknownPurposeClause);
    if (variant & 2) extended.push(policy.afterTerminationClause!);
    for (const c of policy.permitCites) extended.push(c);
    clauses = variants[variant] = Object.freeze(extended);
  }
  return clauses;
}

const READ: Writable<ReadRequest> = {
  at: NaN,
  purpose: '',
  group: '',
  adOptOut: false,
  suspensions: [],
  suspensionCount: 0,
  consents: [],
  consentCount: 0,
  category: '',
  acquiredAt: NaN,
  serviceId: null,
  transferredFromDocomo: false,
  endedAt: NaN,
  survey: null,
  recipientKind: null,
  recipientId: null,
};

const SCRATCH: DecisionFacts = {
  at: 0,
  version: '',
  purposeId: '',
  purposeGroup: '',
  purposeKind: '',
  purposeSuspendable: false,
  purposeNotified: false,
  purposeMyNumberProcedure: false,
  customerGroup: '',
  customerAdOptOut: false,
  customerConsented: false,
  customerSuspendedUse: false,
  customerSuspendedProvision: false,
  itemCategory: '',
  itemAcquiredAt: 0,
  itemServiceId: null,
  itemServiceTransferredFromDocomo: false,
  itemServiceEnded: false,
  itemSurvey: null,
  recipientKind: null,
  recipientId: null,
  recipientAccepts: EMPTY,
};

/** Decides many requests, in order; one outcome per request. */
export function decideBatch(
  policy: CompiledPolicy,
  requests: readonly unknown[],
  options: DecideOptions = {},
): DecisionOutcome[] {
  const now = options.now ?? Date.now();
  return requests.map((r) => decide(policy, r, { now }));
}

/** The index of the version in force at `at`, or -1 before the first. */
export function versionIndexAt(policy: CompiledPolicy, at: number): number {
  const starts = policy.versionStarts;
  for (let i = starts.length - 1; i >= 0; i--) {
    if (starts[i]! <= at) return i;
  }
  return -1;
}

function inForceAt(purpose: CompiledPurpose, version: number, at: number): boolean {
  if (version >= purpose.untilIndex) return false;
  return purpose.kind === 'extra' ? purpose.specifiedAt <= at : purpose.sinceIndex <= version;
}

// PURPOSE.NOTIFIED / PURPOSE.EXTRA: in force for the item when it was acquired.
function notifiedAt(
  policy: CompiledPolicy,
  purpose: CompiledPurpose,
  acquiredAt: number,
  serviceId: string | null,
  survey: string | null,
): boolean {
  if (purpose.kind === 'extra') {
    const bound =
      (serviceId !== null && purpose.services.has(serviceId)) ||
      (survey !== null && purpose.surveys.has(survey));
    return bound && purpose.specifiedAt <= acquiredAt;
  }
  const version = versionIndexAt(policy, acquiredAt);
  return version >= 0 && purpose.sinceIndex <= version && version < purpose.untilIndex;
}

function unknownPurpose(
  policy: CompiledPolicy,
  id: string,
  purpose: CompiledPurpose | undefined,
  versionId: string,
): DecisionResult {
  const clauses = purpose ? purpose.denyUnknown : policy.unknownOnly;
  let byId = UNKNOWN_REASONS.get(versionId);
  if (byId === undefined) UNKNOWN_REASONS.set(versionId, (byId = new Map()));
  let reason = byId.get(id);
  if (reason === undefined) {
    const text = policy.document.unknownPurpose.reason;
    reason = Object.freeze({
      en: fillPurpose(text.en, id, versionId),
      ja: fillPurpose(text.ja ?? text.en, id, versionId),
    });
    remember(byId, id, reason);
  }
  return result('deny', clauses, versionId, reason);
}

/**
 * Sentences filled with request values, kept so that the same refusal is not formatted again;
 * bounded, because callers choose the values (an unknown purpose ID can be anything).
 */
const UNKNOWN_REASONS = new Map<string, Map<string, Reason>>();
const PERSONAL_REASONS = new WeakMap<Reason, Map<string, Map<string, Reason>>>();
const CACHE_LIMIT = 4096;

function remember(cache: Map<string, Reason>, key: string, reason: Reason): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, reason);
}

function fillPurpose(text: string, purpose: string, version: string): string {
  return text.replaceAll('{purpose}', purpose).replaceAll('{version}', version);
}

// Module-level helpers rather than closures: no function is created per decision.
function personalize(reason: Reason, facts: DecisionFacts): Reason {
  if (!TEMPLATED.has(reason)) return reason;
  const recipient = facts.recipientId ?? facts.recipientKind ?? '';
  // Nested maps rather than a joined key: a repeated refusal builds no string.
  let byCategory = PERSONAL_REASONS.get(reason);
  if (byCategory === undefined) PERSONAL_REASONS.set(reason, (byCategory = new Map()));
  let byRecipient = byCategory.get(facts.itemCategory);
  if (byRecipient === undefined) byCategory.set(facts.itemCategory, (byRecipient = new Map()));
  let personal = byRecipient.get(recipient);
  if (personal === undefined) {
    personal = Object.freeze({
      en: fillFacts(reason.en, facts.itemCategory, recipient),
      ja: fillFacts(reason.ja, facts.itemCategory, recipient),
    });
    remember(byRecipient, recipient, personal);
  }
  return personal;
}

function fillFacts(text: string, category: string, recipient: string): string {
  return text.replaceAll('{category}', category).replaceAll('{recipient}', recipient);
}

function result(
  decision: 'permit' | 'deny',
  clauses: readonly string[],
  policyVersion: string | null,
  reason: Reason,
): DecisionResult {
  return { decision, clauses, policyVersion, reason };
}
