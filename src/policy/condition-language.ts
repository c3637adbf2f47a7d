import { FACTS, type DecisionFacts, type FactType } from './decision-facts.ts';

/**
 * The condition language of policy files (docs/policy-language.md): parsed, type-checked and
 * compiled once, when the policy loads, to one JavaScript function over the facts object
 * (generated source that reads only facts and constants); evaluated per decision with no parsing.
 */

export type Condition = (facts: DecisionFacts) => boolean;

/** A problem in a condition; `offset` is the character position within the condition text. */
export class ConditionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type ValueType = FactType | 'number' | 'null';
type Value = number | string | boolean | null | ReadonlySet<string>;
/** A type-checked expression, as JavaScript source over `f` (the facts) and `c` (constants). */
interface Typed {
  readonly type: ValueType;
  readonly code: string;
  readonly offset: number;
}

interface Token {
  readonly kind: 'word' | 'text' | 'number' | 'date' | 'op' | 'end';
  readonly text: string;
  readonly offset: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/;
const NUMBER = /^-?\d+(\.\d+)?/;
const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '(', ')', '[', ']', ','];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const rest = source.slice(i);
    if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      if (end < 0) throw new ConditionError('unterminated text literal', i);
      tokens.push({ kind: 'text', text: source.slice(i + 1, end), offset: i });
      i = end + 1;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      tokens.push({ kind: 'date', text: date[0], offset: i });
      i += date[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', text: num[0], offset: i });
      i += num[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], offset: i });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (op) {
      tokens.push({ kind: 'op', text: op, offset: i });
      i += op.length;
      continue;
    }
    throw new ConditionError(`unexpected character '${ch}'`, i);
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}

/** Options for compiling: the policy's UTC offset, used for date literals. */
export interface ConditionOptions {
  /** Offset such as "+09:00": a date literal YYYY-MM-DD is midnight there. */
  readonly offset: string;
}

/** Parses, type-checks and compiles a condition; throws ConditionError with an offset. */
export function compileCondition(source: string, options: ConditionOptions): Condition {
  const sets: ReadonlySet<string>[] = [];
  const code = translate(source, options, sets);
  // The source is built only from fact names checked against FACTS, operators and
  // JSON-encoded literals; sets are passed in as constants, never written into the source.
  const build = new Function('c', `'use strict'; return (f) => ${code};`) as (
    c: readonly ReadonlySet<string>[],
  ) => Condition;
  return build(sets);
}

/** Conditions evaluated together: the sum of the bits of those that hold. */
export type ConditionBits = (facts: DecisionFacts) => number;

/**
 * Compiles several conditions into one function answering, as a bit set, which of them hold:
 * one call per decision instead of one per condition. Bits must be distinct powers of two
 * below 2^31.
 */
export function compileConditionBits(
  conditions: readonly { readonly source: string; readonly bit: number }[],
  options: ConditionOptions,
): ConditionBits {
  const sets: ReadonlySet<string>[] = [];
  const terms = conditions.map(
    ({ source, bit }) => `((${translate(source, options, sets)}) ? ${bit | 0} : 0)`,
  );
  const build = new Function(
    'c',
    `'use strict'; return (f) => ${terms.length === 0 ? '0' : terms.join(' | ')};`,
  ) as (c: readonly ReadonlySet<string>[]) => ConditionBits;
  return build(sets);
}

/** A condition as JavaScript over `f` (the facts) and `c` (its set constants, added to `sets`). */
function translate(source: string, options: ConditionOptions, sets: ReadonlySet<string>[]): string {
  const tokens = tokenize(source);
  const constant = (type: ValueType, value: Value, offset: number): Typed => {
    if (value instanceof Set) {
      sets.push(value);
      return { type, offset, code: `c[${sets.length - 1}]` };
    }
    return { type, offset, code: value === null ? 'null' : JSON.stringify(value) };
  };
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const next = (): Token => tokens[pos++]!;
  const isWord = (w: string): boolean => peek().kind === 'word' && peek().text === w;
  const isOp = (o: string): boolean => peek().kind === 'op' && peek().text === o;
  const expectOp = (o: string): void => {
    const t = next();
    if (t.kind !== 'op' || t.text !== o) throw new ConditionError(`expected '${o}'`, t.offset);
  };
  const requireBoolean = (t: Typed, what: string): void => {
    if (t.type !== 'boolean') {
      throw new ConditionError(`${what} needs a boolean, found ${t.type}`, t.offset);
    }
  };

  const parseOr = (): Typed => {
    let left = parseAnd();
    while (isWord('or')) {
      next();
      const right = parseAnd();
      requireBoolean(left, "'or'");
      requireBoolean(right, "'or'");
      left = { type: 'boolean', offset: left.offset, code: `(${left.code} || ${right.code})` };
    }
    return left;
  };
  const parseAnd = (): Typed => {
    let left = parseUnary();
    while (isWord('and')) {
      next();
      const right = parseUnary();
      requireBoolean(left, "'and'");
      requireBoolean(right, "'and'");
      left = { type: 'boolean', offset: left.offset, code: `(${left.code} && ${right.code})` };
    }
    return left;
  };
  const parseUnary = (): Typed => {
    if (isWord('not')) {
      const t = next();
      const operand = parseUnary();
      requireBoolean(operand, "'not'");
      return { type: 'boolean', offset: t.offset, code: `(!${operand.code})` };
    }
    return parseCompare();
  };
  const parseCompare = (): Typed => {
    const left = parseOperand();
    const t = peek();
    const op =
      t.kind === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.text)
        ? t.text
        : isWord('in')
          ? 'in'
          : null;
    if (!op) return left;
    next();
    const right = parseOperand();
    return comparison(op, left, right, t.offset);
  };
  const parseOperand = (): Typed => {
    const t = next();
    switch (t.kind) {
      case 'op':
        if (t.text === '(') {
          const inner = parseOr();
          expectOp(')');
          return inner;
        }
        if (t.text === '[') return parseList(t);
        throw new ConditionError(`unexpected '${t.text}'`, t.offset);
      case 'text':
        return constant('text', t.text, t.offset);
      case 'number':
        return constant('number', Number(t.text), t.offset);
      case 'date':
        return constant('instant', parseInstant(t.text, options.offset, t.offset), t.offset);
      case 'word':
        if (t.text === 'true' || t.text === 'false') {
          return constant('boolean', t.text === 'true', t.offset);
        }
        if (t.text === 'null') return constant('null', null, t.offset);
        return fact(t);
      case 'end':
        throw new ConditionError('the condition ends too early', t.offset);
    }
  };
  const parseList = (open: Token): Typed => {
    const values = new Set<string>();
    for (;;) {
      const t = next();
      if (t.kind !== 'text') throw new ConditionError('a list holds text literals', t.offset);
      values.add(t.text);
      if (isOp(',')) {
        next();
        continue;
      }
      expectOp(']');
      return constant('list', values, open.offset);
    }
  };

  const result = parseOr();
  if (peek().kind !== 'end') {
    throw new ConditionError(`unexpected '${peek().text}'`, peek().offset);
  }
  requireBoolean(result, 'a condition');
  return result.code;
}

function fact(t: Token): Typed {
  const known = FACTS.get(t.text);
  if (!known) {
    throw new ConditionError(
      `unknown fact '${t.text}' (known: ${[...FACTS.keys()].join(', ')})`,
      t.offset,
    );
  }
  return { type: known.type, offset: t.offset, code: `f.${known.key}` };
}

const JS_OPERATORS: Readonly<Record<string, string>> = {
  '==': '===',
  '!=': '!==',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

function comparison(op: string, left: Typed, right: Typed, offset: number): Typed {
  if (op === 'in') {
    if (left.type !== 'text' || right.type !== 'list') {
      throw new ConditionError(
        `'in' asks whether a text is in a list, found ${left.type} in ${right.type}`,
        offset,
      );
    }
    return {
      type: 'boolean',
      offset: left.offset,
      code: `(${left.code} !== null && ${right.code}.has(${left.code}))`,
    };
  }
  if (op === '==' || op === '!=') {
    const comparable = left.type === right.type || left.type === 'null' || right.type === 'null';
    if (!comparable || left.type === 'list' || right.type === 'list') {
      throw new ConditionError(
        `'${op}' compares values of one type, found ${left.type} and ${right.type}`,
        offset,
      );
    }
  } else {
    const ordered = (left.type === 'instant' || left.type === 'number') && left.type === right.type;
    if (!ordered) {
      throw new ConditionError(
        `'${op}' compares two instants or two numbers, found ${left.type} and ${right.type}`,
        offset,
      );
    }
  }
  return {
    type: 'boolean',
    offset: left.offset,
    code: `(${left.code} ${JS_OPERATORS[op]} ${right.code})`,
  };
}

/** An instant from a date (midnight at `zoneOffset`) or a date-time (its own offset, else the zone's). */
export function parseInstant(text: string, zoneOffset: string, at = 0): number {
  const withTime = text.length === 10 ? `${text}T00:00:00${zoneOffset}` : text;
  const full = /(Z|[+-]\d{2}:\d{2})$/.test(withTime) ? withTime : `${withTime}${zoneOffset}`;
  const ms = Date.parse(full);
  if (Number.isNaN(ms) || !isCalendarDate(text))
    throw new ConditionError(`'${text}' is not a valid date`, at);
  return ms;
}

/** Whether a leading YYYY-MM-DD names a day that exists: Date.parse takes 2025-02-30 as March 2. */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m === null) return true;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}
