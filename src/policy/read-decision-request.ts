import { INSTANT_MESSAGE, MAX_TEXT_LENGTH, type DecisionError } from './decision-request.ts';
import { parseIsoInstantInto } from './parse-iso-instant.ts';

/** The vocabulary a request is read against: the policy file's own lists. */
export interface RequestVocabulary {
  readonly groups: ReadonlySet<string>;
  readonly categories: ReadonlySet<string>;
  readonly recipientKinds: ReadonlySet<string>;
  /** The lists as written, for messages. */
  readonly groupList: string;
  readonly categoryList: string;
  readonly recipientKindList: string;
}

/** A suspension as read: its start as an instant. */
export interface ReadSuspension {
  readonly kind: 'use' | 'provision';
  readonly from: number;
  readonly purposes: readonly string[] | null;
}

/** A consent as read: its instant. */
export interface ReadConsent {
  readonly purpose: string;
  readonly at: number;
}

/**
 * A request read once into an object of one fixed shape: instants as epoch milliseconds,
 * absent optional values as null. `decide` reads only this, never the caller's object again.
 */
export interface ReadRequest {
  /** NaN when absent (the clock decides). */
  readonly at: number;
  readonly purpose: string;
  readonly group: string;
  readonly adOptOut: boolean;
  /** The first `suspensionCount` entries are this request's (a scratch list can be longer). */
  readonly suspensions: readonly ReadSuspension[];
  readonly suspensionCount: number;
  /** The first `consentCount` entries are this request's. */
  readonly consents: readonly ReadConsent[];
  readonly consentCount: number;
  readonly category: string;
  readonly acquiredAt: number;
  readonly serviceId: string | null;
  readonly transferredFromDocomo: boolean;
  /** NaN when the service has not ended (or there is no service). */
  readonly endedAt: number;
  readonly survey: string | null;
  readonly recipientKind: string | null;
  readonly recipientId: string | null;
}

/** The same shape with its fields writable: a caller's scratch object to read into. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

const NONE: readonly never[] = Object.freeze([]);

class Malformed {
  constructor(
    readonly code: 'request.missing_field' | 'request.invalid_field',
    /** Relative inside an array element; the loop that read it puts its own path in front. */
    public path: string,
    readonly message: string,
  ) {}
}

/** A problem inside element `i` of the array at `base` gets `base[i].` in front of its path. */
function within(e: unknown, base: string, i: number): unknown {
  if (e instanceof Malformed) e.path = e.path === '' ? `${base}[${i}]` : `${base}[${i}].${e.path}`;
  return e;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function object(v: unknown, path: string, message: string): Record<string, unknown> {
  if (v === undefined) throw new Malformed('request.missing_field', path, 'is required');
  if (!isObject(v)) throw new Malformed('request.invalid_field', path, message);
  return v;
}

function text(v: unknown, path: string): string {
  if (v === undefined) throw new Malformed('request.missing_field', path, 'is required');
  if (typeof v !== 'string' || v.length === 0) {
    throw new Malformed('request.invalid_field', path, 'must be a non-empty string');
  }
  // Every name and ID the facts form carries is short; a longer one only inflates the answer
  // (the purpose is echoed in both reasons).
  if (v.length > MAX_TEXT_LENGTH) {
    throw new Malformed(
      'request.invalid_field',
      path,
      `must be at most ${MAX_TEXT_LENGTH} characters`,
    );
  }
  return v;
}

function optionalText(v: unknown, path: string): string | null {
  return v === undefined ? null : text(v, path);
}

const INSTANT = new Float64Array(1);

function instant(v: unknown, path: string): number {
  if (v === undefined) throw new Malformed('request.missing_field', path, 'is required');
  if (typeof v !== 'string' || !parseIsoInstantInto(v, INSTANT)) {
    throw new Malformed('request.invalid_field', path, INSTANT_MESSAGE);
  }
  return INSTANT[0]!;
}

function oneOf(v: unknown, allowed: ReadonlySet<string>, list: string, path: string): string {
  if (v === undefined) throw new Malformed('request.missing_field', path, 'is required');
  if (typeof v !== 'string' || !allowed.has(v)) {
    throw new Malformed('request.invalid_field', path, `must be one of: ${list}`);
  }
  return v;
}

function optionalBoolean(v: unknown, path: string): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean')
    throw new Malformed('request.invalid_field', path, 'must be true or false');
  return v;
}

function array(v: unknown, path: string): readonly unknown[] | null {
  if (v === undefined) return null;
  if (!Array.isArray(v)) throw new Malformed('request.invalid_field', path, 'must be an array');
  return v;
}

const KINDS: ReadonlySet<string> = new Set(['use', 'provision']);

// Paths are relative to the element and built only when something is wrong: a valid request
// makes no path strings at all.
function readSuspension(raw: unknown, out: Writable<ReadSuspension>): void {
  const o = object(raw, '', 'must be an object with a kind and from');
  out.kind = oneOf(o.kind, KINDS, 'use, provision', 'kind') as 'use' | 'provision';
  out.from = instant(o.from, 'from');
  const list = array(o.purposes, 'purposes');
  if (list !== null) {
    for (let j = 0; j < list.length; j++) {
      try {
        text(list[j], '');
      } catch (e) {
        throw within(e, 'purposes', j);
      }
    }
  }
  // Every entry checked to be a string: the caller's list is read as it is, not copied.
  out.purposes = list as readonly string[] | null;
}

function readConsent(raw: unknown, out: Writable<ReadConsent>): void {
  const o = object(raw, '', 'must be an object with a purpose and at');
  out.purpose = text(o.purpose, 'purpose');
  out.at = instant(o.at, 'at');
}

/**
 * Reads and checks a decision request in one pass, touching each field of the caller's object
 * once (requests arrive in many shapes; every extra read of a field costs). The contract is
 * `decisionRequestSchema`; a property test holds the two to the same answers. With `into`,
 * the fields are written there (and it is returned) rather than into a new object, and its
 * suspension and consent lists are refilled in place: a valid request allocates nothing.
 */
export function readDecisionRequest(
  raw: unknown,
  vocabulary: RequestVocabulary,
  into?: Writable<ReadRequest>,
): ReadRequest | DecisionError {
  try {
    const req = object(raw, '', 'must be a JSON object');
    const at = req.at === undefined ? NaN : instant(req.at, 'at');
    const purpose = text(req.purpose, 'purpose');
    const customer = object(req.customer, 'customer', 'must be an object with a group');
    const group = oneOf(customer.group, vocabulary.groups, vocabulary.groupList, 'customer.group');
    const adOptOut = optionalBoolean(customer.adOptOut, 'customer.adOptOut');
    const rawSuspensions = array(customer.suspensions, 'customer.suspensions');
    let suspensions: readonly ReadSuspension[] = NONE;
    const suspensionCount = rawSuspensions === null ? 0 : rawSuspensions.length;
    if (suspensionCount > 0) {
      const list = into === undefined ? [] : (into.suspensions as Writable<ReadSuspension>[]);
      suspensions = list;
      for (let i = 0; i < suspensionCount; i++) {
        let s = list[i];
        if (s === undefined) list[i] = s = { kind: 'use', from: NaN, purposes: null };
        try {
          readSuspension(rawSuspensions![i], s);
        } catch (e) {
          throw within(e, 'customer.suspensions', i);
        }
      }
    }
    const rawConsents = array(customer.consents, 'customer.consents');
    let consents: readonly ReadConsent[] = NONE;
    const consentCount = rawConsents === null ? 0 : rawConsents.length;
    if (consentCount > 0) {
      const list = into === undefined ? [] : (into.consents as Writable<ReadConsent>[]);
      consents = list;
      for (let i = 0; i < consentCount; i++) {
        let c = list[i];
        if (c === undefined) list[i] = c = { purpose: '', at: NaN };
        try {
          readConsent(rawConsents![i], c);
        } catch (e) {
          throw within(e, 'customer.consents', i);
        }
      }
    }
    const item = object(req.item, 'item', 'must be an object with a category and acquiredAt');
    const category = oneOf(
      item.category,
      vocabulary.categories,
      vocabulary.categoryList,
      'item.category',
    );
    const acquiredAt = instant(item.acquiredAt, 'item.acquiredAt');
    let serviceId: string | null = null;
    let transferredFromDocomo = false;
    let endedAt = NaN;
    if (item.service !== undefined) {
      const service = object(item.service, 'item.service', 'must be an object with an id');
      serviceId = text(service.id, 'item.service.id');
      transferredFromDocomo = optionalBoolean(
        service.transferredFromDocomo,
        'item.service.transferredFromDocomo',
      );
      if (service.endedAt !== undefined) endedAt = instant(service.endedAt, 'item.service.endedAt');
    }
    const survey = optionalText(item.survey, 'item.survey');
    let recipientKind: string | null = null;
    let recipientId: string | null = null;
    if (req.recipient !== undefined) {
      const recipient = object(req.recipient, 'recipient', 'must be an object with a kind');
      recipientKind = oneOf(
        recipient.kind,
        vocabulary.recipientKinds,
        vocabulary.recipientKindList,
        'recipient.kind',
      );
      recipientId = optionalText(recipient.id, 'recipient.id');
    }
    if (into === undefined) {
      return {
        at,
        purpose,
        group,
        adOptOut,
        suspensions,
        suspensionCount,
        consents,
        consentCount,
        category,
        acquiredAt,
        serviceId,
        transferredFromDocomo,
        endedAt,
        survey,
        recipientKind,
        recipientId,
      };
    }
    into.at = at;
    into.purpose = purpose;
    into.group = group;
    into.adOptOut = adOptOut;
    // The lists are the scratch object's own, refilled above; only the counts change.
    into.suspensionCount = suspensionCount;
    into.consentCount = consentCount;
    into.category = category;
    into.acquiredAt = acquiredAt;
    into.serviceId = serviceId;
    into.transferredFromDocomo = transferredFromDocomo;
    into.endedAt = endedAt;
    into.survey = survey;
    into.recipientKind = recipientKind;
    into.recipientId = recipientId;
    return into;
  } catch (e) {
    if (!(e instanceof Malformed)) throw e;
    return {
      error: {
        code: e.code,
        message: e.path === '' ? `the request ${e.message}` : `${e.path} ${e.message}`,
        path: e.path,
      },
    };
  }
}

/** Builds the vocabulary once, from the policy's lists. */
export function requestVocabulary(lists: {
  readonly groups: readonly string[];
  readonly categories: readonly string[];
  readonly recipientKinds: readonly string[];
}): RequestVocabulary {
  return {
    groups: new Set(lists.groups),
    categories: new Set(lists.categories),
    recipientKinds: new Set(lists.recipientKinds),
    groupList: lists.groups.join(', '),
    categoryList: lists.categories.join(', '),
    recipientKindList: lists.recipientKinds.join(', '),
  };
}
