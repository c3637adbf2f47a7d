import * as crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { demoCustomer } from '../../src/demo/demo-customer.ts';
import type { AdField } from '../../src/provision/ads/ad-field.ts';
import { addressZip } from '../../src/provision/ads/address-zip.ts';
import { normalizeAdValue } from '../../src/provision/ads/normalize-ad-value.ts';
import { splitName } from '../../src/provision/ads/split-name.ts';
import { median } from '../import/median.ts';

/** One value of a customer as an export reads it: hogo's field, Meta's SDK key, the input. */
interface FieldValue {
  readonly field: AdField;
  readonly sdkKey: string;
  readonly input: string;
}

/** The normalize-and-hash stage, timed three ways over the same values (ms, median of runs). */
export interface HashStage {
  readonly values: number;
  readonly hogoMs: number;
  readonly limitMs: number;
  readonly sdkMs: number;
  readonly sdkNormalizeOnlyMs: number;
}

interface ServerSideUtils {
  normalizeAndHash(input: string, field: string): string | null;
}

// The SDK is CommonJS; its ServerSideUtils are Meta's own normalizers for Conversions API data.
const sdk = createRequire(import.meta.url)('facebook-nodejs-business-sdk') as {
  ServerSideUtils: ServerSideUtils & Record<string, (s: string) => string | null>;
};

/**
 * The Meta fields of demo customers 0..n-1 of `seed`, read the way the export reads the
 * registered values: e-mail, phone, last and first name (when the name splits), zip and
 * country (when the address starts with a postal code), date of birth, gender.
 */
export function metaFieldValues(seed: number, n: number): FieldValue[] {
  const out: FieldValue[] = [];
  for (let i = 0; i < n; i++) {
    const row = demoCustomer(seed, i).row;
    if (row.email) out.push({ field: 'email', sdkKey: 'em', input: row.email });
    if (row.phone) out.push({ field: 'phone', sdkKey: 'ph', input: row.phone });
    const name = row.name ? splitName(row.name) : undefined;
    if (name !== undefined) {
      out.push({ field: 'lastName', sdkKey: 'ln', input: name.lastName });
      out.push({ field: 'firstName', sdkKey: 'fn', input: name.firstName });
    }
    const place = row.address ? addressZip(`〒${row.postalCode ?? ''} ${row.address}`) : undefined;
    if (place !== undefined) {
      out.push({ field: 'zip', sdkKey: 'zp', input: place.zip });
      out.push({ field: 'country', sdkKey: 'country', input: place.country });
    }
    if (row.birthDate) out.push({ field: 'dateOfBirth', sdkKey: 'db', input: row.birthDate });
    if (row.gender) out.push({ field: 'gender', sdkKey: 'ge', input: row.gender });
  }
  return out;
}

// The SDK's per-field normalizers, without its hash (js-sha256, pure JavaScript).
function sdkNormalize(u: ServerSideUtils & Record<string, (s: string) => string | null>) {
  const by: Record<string, (s: string) => string | null> = {
    em: (s) => u.normalizeEmail!(s),
    ph: (s) => u.normalizePhone!(s),
    zp: (s) => u.normalizeZip!(s),
    country: (s) => u.normalizeCountry!(s),
    ge: (s) => u.normalizeGender!(s),
  };
  return (input: string, key: string): string | null => {
    const text = input.trim().toLowerCase();
    if (text === '') return null;
    const f = by[key];
    return f === undefined ? text : f(text);
  };
}

/**
 * Times, `runs` times each and interleaved: hogo's normalize+hash (`normalizeAdValue` for
 * Meta) over `values`; the limit, `crypto.hash('sha256', s, 'hex')` over the strings hogo
 * normalized (only the hashed ones, as the upload hashes them); and the SDK's
 * `ServerSideUtils.normalizeAndHash` (its normalizers and its own SHA-256) over the same
 * inputs, plus its normalizers alone followed by crypto.hash. Values the SDK refuses (it throws
 * on some) count as done.
 */
export function timeHashStage(values: readonly FieldValue[], runs: number): HashStage {
  const normalizedStrings: string[] = [];
  for (const v of values) {
    const r = normalizeAdValue('meta', v.field, v.input);
    if (r.ok && r.hashed) normalizedStrings.push(r.normalized);
  }
  const oneShot = (crypto as { hash?: (a: string, d: string, e: 'hex') => string }).hash;
  if (oneShot === undefined) throw new Error('crypto.hash needs Node ≥ 20.12');
  const u = sdk.ServerSideUtils;
  const normalize = sdkNormalize(u);
  let sink = 0;
  const timings = {
    hogo: [] as number[],
    limit: [] as number[],
    sdk: [] as number[],
    sdkN: [] as number[],
  };
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    for (const v of values) {
      const r = normalizeAdValue('meta', v.field, v.input);
      if (r.ok) sink += r.output.length;
    }
    timings.hogo.push(performance.now() - t);
    t = performance.now();
    for (const s of normalizedStrings) sink += oneShot('sha256', s, 'hex').length;
    timings.limit.push(performance.now() - t);
    t = performance.now();
    for (const v of values) {
      try {
        sink += u.normalizeAndHash(v.input, v.sdkKey)?.length ?? 0;
      } catch {
        sink++;
      }
    }
    timings.sdk.push(performance.now() - t);
    t = performance.now();
    for (const v of values) {
      try {
        const n = normalize(v.input, v.sdkKey);
        if (n !== null) sink += oneShot('sha256', n, 'hex').length;
      } catch {
        sink++;
      }
    }
    timings.sdkN.push(performance.now() - t);
  }
  if (sink === 0) throw new Error('nothing was hashed');
  return {
    values: values.length,
    hogoMs: median(timings.hogo),
    limitMs: median(timings.limit),
    sdkMs: median(timings.sdk),
    sdkNormalizeOnlyMs: median(timings.sdkN),
  };
}
