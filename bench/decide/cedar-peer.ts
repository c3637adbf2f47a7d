import {
  preparsePolicySet,
  statefulIsAuthorized,
  type Context,
  type Response,
} from '@cedar-policy/cedar-wasm/nodejs';
import { parseInstant, type CompiledPolicy } from '../../src/policy/index.ts';
import type { RandomRequest } from './random-requests.ts';

/**
 * The peer of hogo's engine: the same policy file, written as Cedar policies and decided by
 * cedar-wasm (`preparsePolicySet` once, `statefulIsAuthorized` per request).
 *
 * The Cedar text is generated from the compiled policy, so the peer follows the file:
 * - a `permit` for the purposes of one group in force over the same versions (`cedarPolicies`
 *   says why they are grouped), that holds when `at` falls in those versions;
 * - a `forbid` per purpose condition (`unless { condition }`), for the purposes that have it;
 * - a `forbid` per rule, guarded by the versions the rule is in force.
 * Conditions are translated from the condition language (docs/policy-language.md) to Cedar
 * expressions; instants are Longs (epoch ms), version starts and date literals constants.
 *
 * Cedar has no dates and no quantifier over a set of records, so `cedarContext` (the adapter)
 * flattens the request: instants become Longs, and consents and suspensions become booleans
 * computed with hogo's definitions. Which purposes a blanket suspension covers
 * (`purpose.suspendable`) stays in the Cedar policies.
 */

/** The Cedar context built from a request; the attribute names the policies read. */
export type PeerContext = Context & {
  at: number;
  purpose: string;
  group: string;
  category: string;
  acquiredAt: number;
  transferredFromDocomo: boolean;
  adOptOut: boolean;
  /** A consent to this purpose at or before `at`. */
  consented: boolean;
  /** A use suspension in force at `at` that names this purpose. */
  suspendedUseNamed: boolean;
  /** A use suspension in force at `at` that names no purposes (covers the suspendable ones). */
  suspendedUseAll: boolean;
  /** A provision suspension in force at `at`. */
  suspendedProvision: boolean;
  // Set only when the request has them (Cedar has no null; the policies ask `context has x`):
  // serviceId, survey, recipientKind, recipientId (String) and serviceEndedAt (Long).
};

/**
 * The adapter a Cedar user would write: request → context. It runs inside the peer's timing,
 * because Cedar cannot decide without it. Date.parse, as a Cedar user would use.
 */
export function cedarContext(req: RandomRequest): PeerContext {
  const at = Date.parse(req.at);
  const { customer, item, recipient } = req;
  let consented = false;
  for (const c of customer.consents ?? []) {
    if (c.purpose === req.purpose && Date.parse(c.at) <= at) consented = true;
  }
  let suspendedUseNamed = false;
  let suspendedUseAll = false;
  let suspendedProvision = false;
  for (const s of customer.suspensions ?? []) {
    if (Date.parse(s.from) > at) continue;
    if (s.kind === 'provision') suspendedProvision = true;
    else if (s.purposes === undefined) suspendedUseAll = true;
    else if (s.purposes.includes(req.purpose)) suspendedUseNamed = true;
  }
  const context: PeerContext = {
    at,
    purpose: req.purpose,
    group: customer.group,
    category: item.category,
    acquiredAt: Date.parse(item.acquiredAt),
    transferredFromDocomo: item.service?.transferredFromDocomo === true,
    adOptOut: customer.adOptOut === true,
    consented,
    suspendedUseNamed,
    suspendedUseAll,
    suspendedProvision,
  };
  if (item.service !== undefined) {
    context.serviceId = item.service.id;
    if (item.service.endedAt !== undefined) {
      context.serviceEndedAt = Date.parse(item.service.endedAt);
    }
  }
  if (item.survey !== undefined) context.survey = item.survey;
  if (recipient !== undefined) {
    context.recipientKind = recipient.kind;
    if (recipient.id !== undefined) context.recipientId = recipient.id;
  }
  return context;
}

// ---------------------------------------------------------------------------------------------
// Policy file → Cedar text

/** A Cedar string literal (IDs and literals of a policy file are plain text). */
function str(s: string): string {
  if (/\p{Cc}/u.test(s)) throw new Error(`cannot write ${JSON.stringify(s)} for Cedar`);
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

const list = (xs: Iterable<string>) => `[${[...xs].map(str).join(', ')}]`;
const or = (xs: string[]) => (xs.length === 0 ? 'false' : `(${xs.join(' || ')})`);
const and = (xs: string[]) =>
  xs.length === 0 ? 'true' : xs.length === 1 ? xs[0]! : `(${xs.join(' && ')})`;

type CedarType = 'instant' | 'text' | 'boolean' | 'number' | 'null' | 'list';
/**
 * A translated operand: Cedar code for its value and, when the fact may be null, a guard that
 * holds when it is not (Cedar has no null; an absent attribute stands for it). Lists are
 * membership tests, since `recipient.accepts` is a lookup in the policy, not a value.
 */
interface Operand {
  readonly type: CedarType;
  readonly code: string;
  readonly present: string | null;
  readonly contains?: (x: string) => string;
}

/** The start of version `index` as epoch ms, or null past the last version (no bound). */
function versionStart(policy: CompiledPolicy, index: number): number | null {
  return policy.versions[index]?.start ?? null;
}

/** `field` (an instant) falls in versions [since, until): the compiled indexes. */
function inVersions(policy: CompiledPolicy, field: string, since: number, until: number): string {
  const start = versionStart(policy, Math.max(since, 0));
  const end = versionStart(policy, until);
  const parts: string[] = [];
  if (start !== null) parts.push(`${field} >= ${start}`);
  else parts.push('false');
  if (end !== null) parts.push(`${field} < ${end}`);
  return and(parts);
}

/** Builds the Cedar expression of every fact of the condition language. */
function factTranslator(policy: CompiledPolicy): Map<string, Operand> {
  const purposes = [...policy.purposes.values()];
  const nullable = (attr: string): Operand => ({
    type: 'text',
    code: `context.${attr}`,
    present: `(context has ${attr})`,
  });
  const plain = (type: CedarType, code: string): Operand => ({ type, code, present: null });
  const purposeIn = (ids: string[]) =>
    ids.length === 0 ? 'false' : `${list(ids)}.contains(context.purpose)`;
  const byValue = <K>(key: (p: (typeof purposes)[number]) => K) => {
    const groups = new Map<K, string[]>();
    for (const p of purposes) groups.set(key(p), [...(groups.get(key(p)) ?? []), p.id]);
    return groups;
  };
  const chooser = (groups: Map<string, string[]>) =>
    [...groups].reduceRight(
      (rest, [value, ids]) => `(if ${purposeIn(ids)} then ${str(value)} else ${rest})`,
      '""',
    );
  const suspendable = purposeIn(purposes.filter((p) => p.suspendable).map((p) => p.id));

  // purpose.notified: listed purposes by their version window at acquisition (grouped, so one
  // test per window); extra ones by the service or survey they bind and their specified date.
  const notified: string[] = [];
  const windows = byValue((p) => (p.kind === 'listed' ? `${p.sinceIndex}:${p.untilIndex}` : ''));
  for (const [window, ids] of windows) {
    if (window === '') continue;
    const p = policy.purposes.get(ids[0]!)!;
    notified.push(
      and([purposeIn(ids), inVersions(policy, 'context.acquiredAt', p.sinceIndex, p.untilIndex)]),
    );
  }
  for (const p of purposes) {
    if (p.kind !== 'extra') continue;
    const bound = [
      ...(p.services.size > 0
        ? [`(context has serviceId && ${list(p.services)}.contains(context.serviceId))`]
        : []),
      ...(p.surveys.size > 0
        ? [`(context has survey && ${list(p.surveys)}.contains(context.survey))`]
        : []),
    ];
    notified.push(
      and([`context.purpose == ${str(p.id)}`, or(bound), `context.acquiredAt >= ${p.specifiedAt}`]),
    );
  }

  const versionChain = policy.versions.reduce(
    (rest, v) => `(if context.at >= ${v.start} then ${str(v.id)} else ${rest})`,
    '""',
  );
  const recipientAccepts = (x: string) =>
    and([
      'context has recipientKind',
      'context.recipientKind == "adPlatform"',
      'context has recipientId',
      or(
        [...policy.adPlatformAccepts].map(([id, accepts]) =>
          and([`context.recipientId == ${str(id)}`, `${list(accepts)}.contains(${x})`]),
        ),
      ),
    ]);

  return new Map<string, Operand>([
    ['at', plain('instant', 'context.at')],
    ['version', plain('text', versionChain)],
    ['purpose.id', plain('text', 'context.purpose')],
    ['purpose.group', plain('text', chooser(byValue((p) => p.group)))],
    ['purpose.kind', plain('text', chooser(byValue((p) => p.kind)))],
    ['purpose.suspendable', plain('boolean', suspendable)],
    ['purpose.notified', plain('boolean', or(notified))],
    ['customer.group', plain('text', 'context.group')],
    ['customer.adOptOut', plain('boolean', 'context.adOptOut')],
    ['customer.consented', plain('boolean', 'context.consented')],
    [
      'customer.suspendedUse',
      plain(
        'boolean',
        `(context.suspendedUseNamed || (context.suspendedUseAll && ${suspendable}))`,
      ),
    ],
    ['customer.suspendedProvision', plain('boolean', 'context.suspendedProvision')],
    ['item.category', plain('text', 'context.category')],
    ['item.acquiredAt', plain('instant', 'context.acquiredAt')],
    ['item.service.id', nullable('serviceId')],
    ['item.service.transferredFromDocomo', plain('boolean', 'context.transferredFromDocomo')],
    [
      'item.service.ended',
      plain('boolean', '(context has serviceEndedAt && context.serviceEndedAt <= context.at)'),
    ],
    ['item.survey', nullable('survey')],
    ['recipient.kind', nullable('recipientKind')],
    ['recipient.id', nullable('recipientId')],
    ['recipient.accepts', { type: 'list', code: '', present: null, contains: recipientAccepts }],
  ]);
}

const TOKEN =
  /\s*(?:(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?)|('[^']*'|"[^"]*")|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)|(==|!=|<=|>=|<|>|\(|\)|\[|\]|,))/y;

/**
 * Translates one condition (docs/policy-language.md) to a Cedar boolean expression. The file
 * was type-checked when it loaded, so this only maps each construct, minding null: a nullable
 * fact compares equal to a text only when present, and to `null` only when absent.
 */
export function conditionToCedar(
  source: string,
  policy: CompiledPolicy,
  facts = factTranslator(policy),
): string {
  const tokens: { kind: 'date' | 'text' | 'number' | 'word' | 'op'; text: string }[] = [];
  TOKEN.lastIndex = 0;
  while (source.slice(TOKEN.lastIndex).trim() !== '') {
    const m = TOKEN.exec(source);
    if (!m) throw new Error(`cannot translate condition at ${TOKEN.lastIndex}: ${source}`);
    const kind = m[1] ? 'date' : m[2] ? 'text' : m[3] ? 'number' : m[4] ? 'word' : 'op';
    tokens.push({ kind, text: m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]! });
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (w: string) => peek()?.kind === 'word' && peek()?.text === w;
  const take = (op?: string) => {
    const t = tokens[pos++];
    if (t === undefined || (op !== undefined && t.text !== op)) {
      throw new Error(`expected ${op ?? 'more'} in ${source}`);
    }
    return t;
  };

  const parseOr = (): Operand => binary(parseAnd, 'or', '||');
  const parseAnd = (): Operand => binary(parseUnary, 'and', '&&');
  const binary = (inner: () => Operand, word: string, op: string): Operand => {
    let left = inner();
    while (isWord(word)) {
      take();
      left = { type: 'boolean', code: `(${left.code} ${op} ${inner().code})`, present: null };
    }
    return left;
  };
  const parseUnary = (): Operand => {
    if (!isWord('not')) return parseCompare();
    take();
    return { type: 'boolean', code: `(!${parseUnary().code})`, present: null };
  };
  const parseCompare = (): Operand => {
    const left = parseOperand();
    const t = peek();
    const op =
      t?.kind === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.text)
        ? t.text
        : isWord('in')
          ? 'in'
          : null;
    if (op === null) return left;
    take();
    const right = parseOperand();
    const code =
      op === 'in'
        ? and([...(left.present ? [left.present] : []), right.contains!(left.code)])
        : op === '=='
          ? equals(left, right)
          : op === '!='
            ? `(!${equals(left, right)})`
            : `(${left.code} ${op} ${right.code})`; // instants and numbers: never null
    return { type: 'boolean', code, present: null };
  };
  const parseOperand = (): Operand => {
    const t = take();
    if (t.kind === 'op' && t.text === '(') {
      const inner = parseOr();
      take(')');
      return inner;
    }
    if (t.kind === 'op' && t.text === '[') {
      const values: string[] = [];
      for (;;) {
        values.push(take().text.slice(1, -1));
        if (take().text === ']') break;
      }
      const code = list(values);
      return { type: 'list', code, present: null, contains: (x) => `${code}.contains(${x})` };
    }
    switch (t.kind) {
      case 'text':
        return { type: 'text', code: str(t.text.slice(1, -1)), present: null };
      case 'number':
        if (!Number.isInteger(Number(t.text))) throw new Error(`Cedar has no ${t.text}`);
        return { type: 'number', code: t.text, present: null };
      case 'date':
        return {
          type: 'instant',
          code: String(parseInstant(t.text, policy.offset)),
          present: null,
        };
      case 'word': {
        if (t.text === 'true' || t.text === 'false') {
          return { type: 'boolean', code: t.text, present: null };
        }
        if (t.text === 'null') return { type: 'null', code: 'null', present: 'false' };
        const fact = facts.get(t.text);
        if (fact === undefined) throw new Error(`unknown fact ${t.text}`);
        return fact;
      }
      default:
        throw new Error(`unexpected ${t.text} in ${source}`);
    }
  };

  const result = parseOr();
  if (pos !== tokens.length) throw new Error(`unexpected ${peek()?.text} in ${source}`);
  return result.code;
}

/** `a == b` with null: both absent, or both present and equal. */
function equals(a: Operand, b: Operand): string {
  if (a.type === 'null' && b.type === 'null') return 'true';
  if (a.type === 'null') return b.present ? `(!${b.present})` : 'false';
  if (b.type === 'null') return a.present ? `(!${a.present})` : 'false';
  const same = `${a.code} == ${b.code}`;
  if (a.present && b.present) {
    return `((${a.present} && ${b.present} && ${same}) || (!${a.present} && !${b.present}))`;
  }
  const guard = a.present ?? b.present;
  return guard ? `(${guard} && ${same})` : `(${same})`;
}

/**
 * The Cedar policy set for a compiled hogo policy, by policy ID (the clauses it stands for).
 *
 * Purposes that share a permit condition (group and versions in force) share one `permit`,
 * and those that share a purpose condition one `forbid`: Cedar evaluates every policy of the
 * set on every request (no index on the scope), so one policy per purpose would make the peer
 * some 1.8 times slower for no information a caller lacks (the purpose is in the request).
 * Rules stay one `forbid` each, so that Cedar names every rule that denies, as hogo does.
 */
export function cedarPolicies(policy: CompiledPolicy): Record<string, string> {
  const facts = factTranslator(policy);
  const permits = new Map<string, string[]>();
  const conditions = new Map<string, { clause: string; condition: string; ids: string[] }>();
  const add = <V>(map: Map<string, V>, key: string, value: () => V) =>
    map.get(key) ?? map.set(key, value()).get(key)!;
  for (const p of policy.purposes.values()) {
    const inForce =
      p.kind === 'extra'
        ? and([inVersions(policy, 'context.at', 0, p.untilIndex), `context.at >= ${p.specifiedAt}`])
        : inVersions(policy, 'context.at', p.sinceIndex, p.untilIndex);
    add(permits, `context.group == ${str(p.group)} && ${inForce}`, () => []).push(p.id);
    const source = p.kind === 'listed' ? policy.document.purposes.find((d) => d.id === p.id) : null;
    if (source?.condition !== undefined) {
      const condition = conditionToCedar(source.condition, policy, facts);
      const clause = p.conditionClause ?? p.id;
      add(conditions, `${clause}\u0000${condition}`, () => ({
        clause,
        condition,
        ids: [],
      })).ids.push(p.id);
    }
  }
  // A set of strings rather than `resource in [Purpose::…]`: Cedar answers `in` on entities
  // through the ancestor relation, which measured some 1.4 times slower here.
  const forPurposes = (ids: string[]) => `${list(ids)}.contains(context.purpose)`;
  const out: Record<string, string> = {};
  for (const [when, ids] of permits) {
    out[ids.join(' ')] =
      `permit (principal, action == Action::"use", resource)\n` +
      `when { ${forPurposes(ids)} && ${when} };`;
  }
  for (const { clause, condition, ids } of conditions.values()) {
    out[`${clause} for ${ids.join(' ')}`] =
      `forbid (principal, action, resource)\n` +
      `when { ${forPurposes(ids)} }\nunless { ${condition} };`;
  }
  policy.rules.forEach((r, i) => {
    const source = policy.document.rules[i]!;
    // Before the first version no permit holds, so a rule in force from it needs no guard.
    const guard =
      r.sinceIndex === 0 && r.untilIndex >= policy.versions.length
        ? []
        : [inVersions(policy, 'context.at', r.sinceIndex, r.untilIndex)];
    out[r.id] =
      `forbid (principal, action, resource)\n` +
      `when { ${and([...guard, conditionToCedar(source.when, policy, facts)])} };`;
  });
  return out;
}

let nextSetId = 0;

/** Cedar, loaded with a policy's translation; decides requests as hogo does. */
export class CedarPeer {
  readonly policies: Record<string, string>;
  private readonly setId = `hogo-${nextSetId++}`;
  private static readonly principal = { type: 'Customer', id: 'customer' };
  private static readonly action = { type: 'Action', id: 'use' };

  constructor(policy: CompiledPolicy) {
    this.policies = cedarPolicies(policy);
    const parsed = preparsePolicySet(this.setId, { staticPolicies: this.policies });
    if (parsed.type !== 'success') {
      throw new Error(`Cedar rejected the policies: ${JSON.stringify(parsed.errors)}`);
    }
  }

  /** Cedar's full response (decision, and the policy IDs it rests on). */
  response(req: RandomRequest): Response {
    const answer = statefulIsAuthorized({
      principal: CedarPeer.principal,
      action: CedarPeer.action,
      resource: { type: 'Purpose', id: req.purpose },
      context: cedarContext(req),
      preparsedPolicySetId: this.setId,
      entities: [],
    });
    if (answer.type !== 'success') throw new Error(JSON.stringify(answer.errors));
    // A policy that errs is skipped by Cedar: a skipped forbid would permit, so refuse.
    if (answer.response.diagnostics.errors.length > 0) {
      throw new Error(`Cedar policy error: ${JSON.stringify(answer.response.diagnostics.errors)}`);
    }
    return answer.response;
  }

  decide(req: RandomRequest): 'permit' | 'deny' {
    return this.response(req).decision === 'allow' ? 'permit' : 'deny';
  }
}
