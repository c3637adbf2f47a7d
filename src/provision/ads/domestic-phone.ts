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
  readonly types: readonly { readonly pattern: RegExp; readonly lengths?: readonly number[] }[];
}

/** The parts of libphonenumber's Metadata its own validity check reads (not in its typings). */
interface MetadataInternals {
  selectNumberingPlan(region: CountryCode): void;
  nationalNumberPattern(): string;
  type(t: NumberType): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  numberingPlan: { callingCode(): string };
}

const plans = new Map<CountryCode, Plan | null>();

function planOf(region: CountryCode): Plan | null {
  let plan = plans.get(region);
  if (plan !== undefined) return plan;
  const m = new Metadata() as unknown as MetadataInternals;
  m.selectNumberingPlan(region);
  const types: { pattern: RegExp; lengths?: readonly number[] }[] = [];
  for (const t of TYPES) {
    const def = m.type(t) as
      { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
    if (def === undefined || def.pattern() === '') continue;
    const lengths = def.possibleLengths();
    types.push({
      pattern: new RegExp(`^(?:${def.pattern()})$`),
      ...(lengths !== undefined ? { lengths } : {}),
    });
  }
  // Only a region whose numbers are told apart by type patterns and whose domestic form is a
  // single leading 0 gets the fast path; any other is left to the full parser.
  plan =
    region === 'JP' && types.length > 0
      ? {
          callingCode: m.numberingPlan.callingCode(),
          general: new RegExp(`^(?:${m.nationalNumberPattern()})$`),
          types,
        }
      : null;
  plans.set(region, plan);
  return plan;
}

// The common domestic forms: a leading 0 (not 00, an international prefix), digits in groups
// split by single ASCII hyphens, 10 or 11 digits in all.
const DOMESTIC = /^0[1-9]\d*(?:-\d+){0,3}$/;
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
    if (!DOMESTIC.test(text)) return undefined;
    national = (text.includes('-') ? text.replaceAll('-', '') : text).slice(1);
  }
  if (national.length < 9 || national.length > 10 || !plan.general.test(national)) return undefined;
  for (const t of plan.types) {
    if (t.lengths !== undefined && !t.lengths.includes(national.length)) continue;
    if (t.pattern.test(national)) {
      return { number: `+${plan.callingCode}${national}`, nationalDigits: `0${national}` };
    }
  }
  return undefined;
}
