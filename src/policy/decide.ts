import { parseIsoInstant } from './parse-iso-instant.ts';
import type { CompiledPolicy, CompiledPurpose, Reason } from './compile-policy.ts';
import type { DecisionFacts } from './decision-facts.ts';
import {
  INSTANT_MESSAGE,
  type DecisionError,
  type DecisionOutcome,
  type DecisionRequest,
  type DecisionResult,
} from './decision-request.ts';

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
  options: DecideOptions = {},
): DecisionOutcome {
  if (!policy.requestCheck.Check(request)) return malformed(policy, request);
  const req = request as DecisionRequest;
  const at = req.at === undefined ? (options.now ?? Date.now()) : parseIsoInstant(req.at);
  if (Number.isNaN(at)) return invalidDate('at');
  const acquiredAt = parseIsoInstant(req.item.acquiredAt);
  if (Number.isNaN(acquiredAt)) return invalidDate('item.acquiredAt');

  const version = versionIndexAt(policy, at);
  if (version < 0) {
    return (
      badInstant(req) ?? result('deny', [policy.notInForce.clause], null, policy.notInForce.reason)
    );
  }
  const versionId = policy.versions[version]!.id;
  const purpose = policy.purposes.get(req.purpose);
  if (
    purpose === undefined ||
    purpose.group !== req.customer.group ||
    !inForceAt(purpose, version, at)
  ) {
    return badInstant(req) ?? unknownPurpose(policy, req.purpose, purpose, versionId);
  }

  const customer = req.customer;
  let consented = false;
  if (customer.consents !== undefined) {
    for (let i = 0; i < customer.consents.length; i++) {
      const c = customer.consents[i]!;
      const t = parseIsoInstant(c.at);
      if (Number.isNaN(t)) return invalidDate(`customer.consents[${i}].at`);
      if (c.purpose === purpose.id && t <= at) consented = true;
    }
  }
  let suspendedUse = false;
  let suspendedProvision = false;
  if (customer.suspensions !== undefined) {
    for (let i = 0; i < customer.suspensions.length; i++) {
      const s = customer.suspensions[i]!;
      const from = parseIsoInstant(s.from);
      if (Number.isNaN(from)) return invalidDate(`customer.suspensions[${i}].from`);
      if (from > at) continue;
      if (s.kind === 'provision') suspendedProvision = true;
      else if (s.purposes === undefined ? purpose.suspendable : s.purposes.includes(purpose.id)) {
        suspendedUse = true;
      }
    }
  }
  const item = req.item;
  const service = item.service;
  let ended = false;
  if (service?.endedAt !== undefined) {
    const endedAt = parseIsoInstant(service.endedAt);
    if (Number.isNaN(endedAt)) return invalidDate('item.service.endedAt');
    ended = endedAt <= at;
  }
  const recipient = req.recipient;
  const facts: DecisionFacts = {
    at,
    version: versionId,
    purposeId: purpose.id,
    purposeGroup: purpose.group,
    purposeKind: purpose.kind,
    purposeSuspendable: purpose.suspendable,
    purposeNotified: notifiedAt(policy, purpose, acquiredAt, service?.id, item.survey),
    customerGroup: customer.group,
    customerAdOptOut: customer.adOptOut === true,
    customerConsented: consented,
    customerSuspendedUse: suspendedUse,
    customerSuspendedProvision: suspendedProvision,
    itemCategory: item.category,
    itemAcquiredAt: acquiredAt,
    itemServiceId: service?.id ?? null,
    itemServiceTransferredFromDocomo: service?.transferredFromDocomo === true,
    itemServiceEnded: ended,
    itemSurvey: item.survey ?? null,
    recipientKind: recipient?.kind ?? null,
    recipientId: recipient?.id ?? null,
    recipientAccepts:
      recipient?.kind === 'adPlatform' && recipient.id !== undefined
        ? (policy.adPlatformAccepts.get(recipient.id) ?? EMPTY)
        : EMPTY,
  };

  const reasons = purpose.reasons[version]!;
  let denied: string[] | null = null;
  let denyReason: Reason | null = null;
  // SP.2022.TRANSITIONAL and the like: the purpose's own condition is the most decisive.
  if (purpose.condition !== null && !purpose.condition(facts)) {
    denied = [purpose.conditionClause ?? purpose.id];
    denyReason = reasons.condition;
  }
  const active = policy.rulesByVersion[version]!;
  for (let i = 0; i < active.length; i++) {
    const index = active[i]!;
    const rule = policy.rules[index]!;
    if (!rule.when(facts)) continue;
    if (denied === null) {
      denied = [...rule.clauses];
      denyReason = reasons.rules[index]!;
    } else {
      for (const c of rule.clauses) if (!denied.includes(c)) denied.push(c);
    }
  }
  if (denied !== null) {
    if (!denied.includes(purpose.id)) denied.push(purpose.id);
    return result('deny', denied, versionId, personalize(denyReason!, facts));
  }

  const clauses = [...purpose.permitClauses];
  if (recipient !== undefined) {
    const clause = policy.recipientClauses.get(recipient.kind);
    if (clause !== undefined) clauses.push(clause);
  }
  // PURPOSE.NOTIFIED: the purpose binds this item only through the later consent.
  const byConsent = !facts.purposeNotified;
  if (byConsent) clauses.push(policy.unknownPurposeClause);
  if (ended && policy.afterTerminationClause !== null) {
    clauses.push(policy.afterTerminationClause);
  }
  for (const c of policy.permitCites) clauses.push(c);
  return result(
    'permit',
    clauses,
    versionId,
    personalize(byConsent ? reasons.consent : reasons.permit, facts),
  );
}

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
  const versions = policy.versions;
  for (let i = versions.length - 1; i >= 0; i--) {
    if (versions[i]!.start <= at) return i;
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
  serviceId: string | undefined,
  survey: string | undefined,
): boolean {
  if (purpose.kind === 'extra') {
    const bound =
      (serviceId !== undefined && purpose.services.has(serviceId)) ||
      (survey !== undefined && purpose.surveys.has(survey));
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
  const clauses = purpose
    ? [policy.unknownPurposeClause, purpose.id]
    : [policy.unknownPurposeClause];
  const reason = policy.document.unknownPurpose.reason;
  const fill = (s: string): string =>
    s.replaceAll('{purpose}', id).replaceAll('{version}', versionId);
  return result('deny', clauses, versionId, {
    en: fill(reason.en),
    ja: fill(reason.ja ?? reason.en),
  });
}

function personalize(reason: Reason, facts: DecisionFacts): Reason {
  if (!reason.en.includes('{') && !reason.ja.includes('{')) return reason;
  const fill = (s: string): string =>
    s
      .replaceAll('{category}', facts.itemCategory)
      .replaceAll('{recipient}', facts.recipientId ?? facts.recipientKind ?? '');
  return { en: fill(reason.en), ja: fill(reason.ja) };
}

function result(
  decision: 'permit' | 'deny',
  clauses: readonly string[],
  policyVersion: string | null,
  reason: Reason,
): DecisionResult {
  return { decision, clauses, policyVersion, reason };
}

/** On the early paths that read no consent or suspension: still refuse a malformed one. */
function badInstant(req: DecisionRequest): DecisionError | null {
  const consents = req.customer.consents ?? [];
  for (let i = 0; i < consents.length; i++) {
    if (Number.isNaN(parseIsoInstant(consents[i]!.at))) {
      return invalidDate(`customer.consents[${i}].at`);
    }
  }
  const suspensions = req.customer.suspensions ?? [];
  for (let i = 0; i < suspensions.length; i++) {
    if (Number.isNaN(parseIsoInstant(suspensions[i]!.from))) {
      return invalidDate(`customer.suspensions[${i}].from`);
    }
  }
  const endedAt = req.item.service?.endedAt;
  return endedAt !== undefined && Number.isNaN(parseIsoInstant(endedAt))
    ? invalidDate('item.service.endedAt')
    : null;
}

function invalidDate(path: string): DecisionError {
  return { error: { code: 'request.invalid_field', message: `${path} ${INSTANT_MESSAGE}`, path } };
}

function malformed(policy: CompiledPolicy, request: unknown): DecisionError {
  const first = policy.requestCheck.Errors(request).First();
  if (first === undefined) {
    return { error: { code: 'request.malformed', message: 'malformed request', path: '' } };
  }
  const path = pointerToPath(first.path);
  const custom = (first.schema as { errorMessage?: string }).errorMessage;
  const missing = first.value === undefined;
  const message = missing ? 'is required' : (custom ?? first.message);
  return {
    error: {
      code: missing ? 'request.missing_field' : 'request.invalid_field',
      message: path === '' ? `the request ${message}` : `${path} ${message}`,
      path,
    },
  };
}

/** "/item/acquiredAt" → "item.acquiredAt"; "/customer/consents/0/at" → "customer.consents[0].at". */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
      '',
    );
}
