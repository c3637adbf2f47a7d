import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import type { AdField } from './ad-field.ts';
import { AD_PLATFORM_IDS, type AdPlatformId } from './ad-platform-id.ts';
import { normalizeAdValue, normalizeForPlatform } from './normalize-ad-value.ts';

interface Vector {
  readonly platform: AdPlatformId;
  readonly field: AdField;
  readonly input: string;
  readonly normalized: string;
  readonly hashed: boolean;
  readonly output: string;
  readonly defaultRegion?: CountryCode;
}

const read = (path: string) =>
  (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { vectors: Vector[] })
    .vectors;
// The platforms' published vectors (spec/), then hogo's own for Meta's CT, ST and DOBY fields.
const published = read('../../../spec/vectors/ad-hashing.json');
const vectors = [...published, ...read('./meta-place-vectors.json')];

const FIELDS: readonly AdField[] = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'country',
  'zip',
  'city',
  'state',
  'dateOfBirth',
  'birthYear',
  'gender',
  'advertisingId',
];

describe('normalizeAdValue', () => {
  it('reads every vector of spec/vectors/ad-hashing.json', () => {
    expect(published.length).toBeGreaterThanOrEqual(20);
  });

  it.each(vectors.map((v) => [`${v.platform} ${v.field} ${JSON.stringify(v.input)}`, v] as const))(
    'matches the vector %s',
    (_name, v) => {
      const options = v.defaultRegion !== undefined ? { defaultRegion: v.defaultRegion } : {};
      const result = normalizeAdValue(v.platform, v.field, v.input, options);
      expect(result).toEqual({
        ok: true,
        normalized: v.normalized,
        hashed: v.hashed,
        output: v.output,
      });
    },
  );

  it('keeps a googlemail.com address canonical for Google but not for Meta', () => {
    const google = normalizeForPlatform('google', 'email', 'A.B+x@GoogleMail.com');
    const meta = normalizeForPlatform('meta', 'email', 'A.B+x@GoogleMail.com');
    expect(google).toEqual({ ok: true, normalized: 'ab@googlemail.com', hashed: true });
    expect(meta).toEqual({ ok: true, normalized: 'a.b+x@googlemail.com', hashed: true });
  });

  it('returns a reason, not a guess, for values that do not normalize', () => {
    expect(normalizeAdValue('google', 'email', 'not an address')).toEqual({
      ok: false,
      reason: 'invalid_email',
    });
    expect(normalizeAdValue('google', 'phone', '12')).toEqual({
      ok: false,
      reason: 'invalid_phone',
    });
    expect(normalizeAdValue('meta', 'country', 'Atlantis')).toEqual({
      ok: false,
      reason: 'invalid_country',
    });
    expect(normalizeAdValue('meta', 'dateOfBirth', '1997-02-30')).toEqual({
      ok: false,
      reason: 'invalid_date',
    });
    expect(normalizeAdValue('meta', 'gender', 'other')).toEqual({
      ok: false,
      reason: 'invalid_gender',
    });
    expect(normalizeAdValue('yahoo', 'firstName', 'Mary')).toEqual({
      ok: false,
      reason: 'field_not_accepted',
    });
    expect(normalizeAdValue('google', 'firstName', '   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses the domestic Yahoo! JAPAN form for a foreign number, and gives E.164 when configured', () => {
    expect(normalizeForPlatform('yahoo', 'phone', '+1-800-555-0100')).toEqual({
      ok: false,
      reason: 'phone_not_domestic',
    });
    expect(
      normalizeForPlatform('yahoo', 'phone', '090-1234-5678', { yahooPhoneFormat: 'e164' }),
    ).toEqual({ ok: true, normalized: '+819012345678', hashed: true });
  });

  it('normalizes a normalized value to itself and never throws (fast-check)', () => {
    const inputs = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.emailAddress(),
      fc.constantFrom(...vectors.map((v) => v.input)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...AD_PLATFORM_IDS),
        fc.constantFrom(...FIELDS),
        inputs,
        (platform, field, input) => {
          const once = normalizeForPlatform(platform, field, input);
          if (!once.ok) return;
          expect(normalizeForPlatform(platform, field, once.normalized)).toEqual(once);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
