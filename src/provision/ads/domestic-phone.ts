import { Metadata, type CountryCode, type NumberType } from 'libphonenumber-js/max';

// The number types libphonenumber tries, in its order: a number of none of them is not valid.
const TYPES: readonly NumberType[] = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

/** A region's validity test of a national significant number, from libphonenumber's own metadata. */
interface Plan {
  readonly callingCode: string;
  readonly general: RegExp;
  /**
   * Per national length, the patterns of every type possible at that length as one
   * alternation: which type matched does not change the answer, and one regular expression
   * call costs less than one per type.
   */
  readonly byLength: ReadonlyMap<number, RegExp>;
}

/** The parts of libphonenumber's Metadata its own validity check reads (not in its typings). */
interface MetadataInternals {
  selectNumberingPlan(region: CountryCode): void;
  nationalNumberPattern(): string;
  type(t: NumberType): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  numberingPlan: { callingCode(): string };
}

// The national lengths of the domestic forms this fast path reads (10 or 11 digits with the 0).
const NATIONAL_LENGTHS = [9, 10] as const;

const plans = new Map<CountryCode, Plan | null>();

function planOf(region: CountryCode): Plan | null {
  let plan = plans.get(region);
  if (plan !== undefined) return plan;
  const m = new Metadata() as unknown as MetadataInternals;
  m.selectNumberingPlan(region);
  const types: { pattern: string; lengths?: readonly number[] }[] = [];
  for (const t of TYPES) {
    const def = m.type(t) as
      { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
    if (def === undefined || def.pattern() === '') continue;
    const lengths = def.possibleLengths();
    types.push({ pattern: def.pattern(), ...(lengths !== undefined ? { lengths } : {}) });
  }
  const byLength = new Map<number, RegExp>();
  for (const length of NATIONAL_LENGTHS) {
    const patterns = types
      .filter((t) => t.lengths === undefined || t.lengths.includes(length))
      .map((t) => `(?:${t.pattern})`);
    if (patterns.length > 0) byLength.set(length, new RegExp(`^(?:${patterns.join('|')})$`));
  }
  // Only a region whose numbers are told apart by type patterns and whose domestic form is a
  // single leading 0 gets the fast path; any other is left to the full parser.
  plan =
    region === 'JP' && byLength.size > 0
      ? {
          callingCode: m.numberingPlan.callingCode(),
          general: new RegExp(`^(?:${m.nationalNumberPattern()})$`),
          byLength,
        }
      : null;
  plans.set(region, plan);
  return plan;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The national significant number of the common domestic forms — a leading 0 (not 00, an
 * international prefix), digits in up to four groups split by single ASCII hyphens — or
 * undefined. Read character by character: this runs once per phone value of an export.
 */
function domesticDigits(text: string): string | undefined {
  const n = text.length;
  if (text.charCodeAt(0) !== 48) return undefined;
  const second = text.charCodeAt(1);
  if (second < 49 || second > 57) return undefined;
  let national = '';
  let from = 1;
  let hyphens = 0;
  for (let i = 2; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) continue;
    // A hyphen between two digits, at most three of them.
    if (c !== 45 || hyphens === 3 || i === n - 1 || !isDigit(text.charCodeAt(i - 1))) {
      return undefined;
    }
    national += text.slice(from, i);
    from = i + 1;
    hyphens++;
  }
  return from === 1 ? text.slice(1) : national + text.slice(from);
}
const E164 = /^\+\d+$/;

/**
 * The E.164 and domestic digits forms of a phone number written the common domestic way
 * ('090-1234-5678'), or in E.164 with the region's own country code ('+819012345678'), when it
 * is valid by libphonenumber's metadata for `region`: the same answer as its parser, without
 * the parser (the export's hot path). Undefined when the text is of any other form, or the
 * number is not valid: the caller then asks the full parser.
 */
export function domesticPhone(
  text: string,
  region: CountryCode,
): { readonly number: string; readonly nationalDigits: string } | undefined {
  if (text.length < 10 || text.length > 14) return undefined;
  const plan = planOf(region);
  if (plan === null) return undefined;
  let national: string;
  if (text.startsWith('+')) {
    // E.164 of the region's own country code, as the registry stores numbers.
    if (!E164.test(text) || !text.startsWith(plan.callingCode, 1)) return undefined;
    national = text.slice(1 + plan.callingCode.length);
    if (national.startsWith('0')) return undefined;
  } else {
    const digits = domesticDigits(text);
    if (digits === undefined) return undefined;
    national = digits;
  }
  const types = plan.byLength.get(national.length);
  if (types === undefined || !plan.general.test(national) || !types.test(national))
    return undefined;
  return { number: `+${plan.callingCode}${national}`, nationalDigits: `0${national}` };
}
