import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from './parse-iso-instant.ts';

describe('parseIsoInstant', () => {
  it('agrees with Date.parse on every valid instant, in UTC and with offsets', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2200-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.constantFrom(0, 1, 2, 3, 6, 9),
        (date, offset, fractionDigits) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
          const ms = String(date.getUTCMilliseconds()).padStart(3, '0');
          const fraction =
            fractionDigits === 0 ? '' : `.${(ms + '000000').slice(0, fractionDigits)}`;
          const abs = Math.abs(offset);
          const zone =
            offset === 0 && fractionDigits % 2 === 0
              ? 'Z'
              : `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const text = `${local}${fraction}${zone}`;
          expect(parseIsoInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads minutes without seconds', () => {
    expect(parseIsoInstant('2022-07-01T00:00+09:00')).toBe(Date.parse('2022-06-30T15:00:00Z'));
  });

  it.each([
    '2022-02-29T00:00:00Z',
    '2022-13-01T00:00:00Z',
    '2022-04-31T00:00:00Z',
    '2022-07-01T24:00:00Z',
    '2022-07-01T00:60:00Z',
    '2022-07-01T00:00:60Z',
    '2022-07-01T00:00:00',
    '2022-07-01',
    '2022-07-01T00:00:00+0900',
    '2022-07-01T00:00:00.Z',
    '2022-07-01T00:00:00Zjunk',
    'x022-07-01T00:00:00Z',
    '',
  ])('refuses %s', (text) => {
    expect(parseIsoInstant(text)).toBeNaN();
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseIsoInstant('2024-02-29T12:00:00Z')).toBe(Date.parse('2024-02-29T12:00:00Z'));
  });
});
