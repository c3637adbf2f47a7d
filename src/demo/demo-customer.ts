import type { ImportRow } from '../intake/index.ts';
import type { ConsentInput, OptOutInput, SuspensionInput } from '../registry/index.ts';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './japanese-names.ts';
import { PLACES, type Place } from './japanese-places.ts';
import { jstInstant } from './jst-instant.ts';
import { seededRandom, type SeededRandom } from './seeded-random.ts';

/** One demo customer: an import row, and what the customer later said or asked. */
export interface DemoCustomer {
  readonly row: ImportRow;
  readonly consent?: ConsentInput;
  readonly optOut?: OptOutInput;
  readonly suspension?: SuspensionInput;
}

// SP.2022.TRANSITIONAL: the day contracts were transferred from NTT DOCOMO, in Japan time.
const TRANSFER = '2022-07-01T00:00:00+09:00';
const SINCE = Date.parse('2016-04-01T00:00:00+09:00');
const UNTIL = Date.parse('2025-12-31T00:00:00+09:00');
const DAY = 86_400_000;
const SERVICES = ['ocn-hikari', 'ocn-mobile-one', 'ocn-denwa', 'ocn-internet'] as const;
const DOMAINS = ['example.jp', 'example.co.jp', 'example.ne.jp', 'example.com', 'example.org'];

/** The external ID of demo customer `n` of a seed: stable, so a rerun skips it. */
export const demoExternalId = (seed: number, n: number): string =>
  `DEMO-${seed}-${String(n + 1).padStart(7, '0')}`;

/**
 * Demo customer `n` of `seed`: the same for the same seed and n, whatever else is generated (its
 * own generator is seeded by both). Kanji names with matching kana, 〒 addresses, mobile and
 * landline numbers, e-mails, birth dates, genders; services, some transferred from NTT DOCOMO on
 * 2022-07-01, some with claims assigned to NTT DOCOMO or NTT Finance; items acquired before and
 * after that day; a few consents, ad opt-outs and suspensions.
 */
export function demoCustomer(seed: number, n: number): DemoCustomer {
  const r = seededRandom(seed, n);
  const female = r.chance(0.5);
  const family = r.pick(FAMILY_NAMES);
  const given = r.pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
  const place = r.pick(PLACES);
  const group = r.chance(0.9) ? 'REG' : 'OTH';
  const transferred = group === 'REG' && r.chance(0.3);
  const hasService = transferred || (group === 'REG' && r.chance(0.6));
  const acquired = r.int(SINCE, UNTIL);
  const indirect = transferred ? r.chance(0.5) : r.chance(0.05);
  const serviceStarted = transferred ? TRANSFER : jstInstant(r.int(SINCE, acquired));
  const claims = r.next();
  const row: ImportRow = {
    externalId: demoExternalId(seed, n),
    group,
    name: `${family[0]} ${given[0]}`,
    nameKana: `${family[1]} ${given[1]}`,
    email: r.chance(0.85) ? `${given[2]}.${family[2]}${r.int(1, 9999)}@${r.pick(DOMAINS)}` : '',
    phone: r.chance(0.8) ? mobile(r) : landline(r, place),
    postalCode: `${place.postalPrefix}-${String(r.int(0, 9999)).padStart(4, '0')}`,
    address: address(r, place),
    birthDate: jstInstant(r.int(Date.parse('1940-01-01'), Date.parse('2006-12-31'))).slice(0, 10),
    gender: r.chance(0.02) ? '回答しない' : female ? '女性' : '男性',
    channel: indirect ? 'electronic' : r.pick(['writing', 'electronic', 'verbal']),
    source: indirect ? 'indirect' : 'direct',
    provider: indirect ? (transferred ? 'NTT DOCOMO' : 'partner-store') : '',
    acquiredAt: jstInstant(acquired),
    serviceId: hasService ? r.pick(SERVICES) : '',
    serviceName: '',
    serviceStartedAt: hasService ? serviceStarted : '',
    transferredFromDocomo: hasService ? String(transferred) : '',
    claimsAssignee: !hasService ? '' : claims < 0.1 ? 'docomo' : claims < 0.15 ? 'ntt-finance' : '',
  };
  const later = (days: number) => jstInstant(acquired + r.int(1, days) * DAY);
  return {
    row,
    ...(group === 'REG' && r.chance(0.05)
      ? // A consent is given before it is recorded: never after the demo's last day.
        {
          consent: {
            purpose: 'PURPOSE.REG.2a',
            at: jstInstant(Math.min(Date.parse(later(365)), UNTIL)),
          },
        }
      : {}),
    ...(r.chance(0.03) ? { optOut: { at: later(700) } } : {}),
    ...(group === 'REG' && r.chance(0.01)
      ? { suspension: { kind: 'use', purposes: ['PURPOSE.REG.2a'], from: later(700) } }
      : {}),
  };
}

function mobile(r: SeededRandom): string {
  return `${r.pick(['070', '080', '090'])}-${r.int(1000, 9999)}-${String(r.int(0, 9999)).padStart(4, '0')}`;
}

// Exchange numbers start with 2–8 in every area; 4 and 9 are not assigned in some (Sapporo).
const EXCHANGE_FIRST = [2, 3, 5, 6, 7, 8];

function landline(r: SeededRandom, place: Place): string {
  const rest = place.localDigits - 1;
  const exchange = `${r.pick(EXCHANGE_FIRST)}${String(r.int(0, 10 ** rest - 1)).padStart(rest, '0')}`;
  return `${place.areaCode}-${exchange}-${String(r.int(0, 9999)).padStart(4, '0')}`;
}

function address(r: SeededRandom, place: Place): string {
  const block = `${r.int(1, 5)}丁目${r.int(1, 30)}番${r.int(1, 20)}号`;
  const flat = r.chance(0.4)
    ? ` ${r.pick(['サンライズ', 'グランド', 'パーク'])}マンション${r.int(101, 1205)}号室`
    : '';
  return `${place.prefecture}${place.municipality}${r.pick(place.towns)}${block}${flat}`;
}
