import type { CompiledPolicy } from '../../src/policy/index.ts';

/**
 * Seedable, deterministic random decision requests (spec/decision-format.md), all well-formed,
 * for the differential check and the throughput runs. The vocabulary (purposes, groups,
 * categories, recipient kinds, ad platforms, version dates) is read from the policy, so the
 * requests follow the file; dates cluster around every version start, above all the
 * 2022-07-01 00:00 JST transition, where off-by-one-offset mistakes would show.
 */

/** A request as sent to hogo: plain JSON. */
export interface RandomRequest {
  at: string;
  purpose: string;
  customer: {
    group: string;
    adOptOut?: boolean;
    suspensions?: { kind: 'use' | 'provision'; from: string; purposes?: string[] }[];
    consents?: { purpose: string; at: string }[];
  };
  item: {
    category: string;
    acquiredAt: string;
    service?: { id: string; transferredFromDocomo?: boolean; endedAt?: string };
    survey?: string;
  };
  recipient?: { kind: string; id?: string };
}

/** mulberry32: a tiny 32-bit PRNG; the same seed gives the same requests on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2004, 0, 1);
const TO = Date.UTC(2028, 0, 1);
/** 2022-07-01T00:00:00+09:00, the transitional provisions' date. */
const TRANSITION = Date.UTC(2022, 5, 30, 15);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as ISO 8601, either in UTC (`Z`) or in Japan time (`+09:00`), maybe with ms. */
export function formatInstant(ms: number, jst: boolean, withMillis: boolean): string {
  const d = new Date(ms + (jst ? 9 * 60 * MINUTE : 0));
  const millis = withMillis ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${millis}` +
    (jst ? '+09:00' : 'Z')
  );
}

/** Generates `count` requests from `seed` for `policy`'s vocabulary. */
export function randomRequests(
  policy: CompiledPolicy,
  count: number,
  seed: number,
): RandomRequest[] {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const chance = (p: number) => rnd() < p;
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;

  const doc = policy.document;
  const purposes = [...policy.purposes.values()];
  const purposeIds = purposes.map((p) => p.id);
  // Unknown IDs: plausible, misspelt and another company's.
  const unknownPurposes = ['PURPOSE.REG.99', 'PURPOSE.OTH.0', 'purpose.reg.1a', 'PURPOSE.X'];
  const groups = doc.groups.map((g) => g.id);
  const categories = doc.categories.map((c) => c.id);
  const kinds = doc.recipientKinds.map((k) => k.id);
  const platforms = [...doc.adPlatforms.map((a) => a.id), 'unknown-platform'];
  const versionStarts = policy.versions.map((v) => v.start);
  const services = [
    'svc-1',
    'svc-2',
    ...(doc.extraPurposes ?? []).flatMap((p) => [...(p.services ?? [])]),
  ];
  const surveys = ['srv-1', ...(doc.extraPurposes ?? []).flatMap((p) => [...(p.surveys ?? [])])];

  /** An instant: anywhere in 2004–2027, or minutes around a version start (mostly 2022-07-01). */
  const instant = (): number => {
    const r = rnd();
    if (r < 0.35) return FROM + int(Math.floor((TO - FROM) / MINUTE)) * MINUTE + int(60) * 1000;
    if (r < 0.75) return TRANSITION + (int(241) - 120) * MINUTE + (chance(0.1) ? int(1000) : 0);
    if (r < 0.9) return pick(versionStarts) + (int(121) - 60) * MINUTE;
    return TRANSITION + (int(3651) - 1825) * DAY + int(1440) * MINUTE;
  };
  const text = (ms: number) => formatInstant(ms, chance(0.5), ms % 1000 !== 0);
  /** Around `at`: before, after, or exactly at it, so `≤ at` is tested at the edge. */
  const near = (at: number): number => {
    const r = rnd();
    if (r < 0.1) return at;
    if (r < 0.5) return at - int(60 * 24 * 400) * MINUTE - MINUTE;
    if (r < 0.8) return at + int(60 * 24 * 400) * MINUTE + MINUTE;
    return at + (int(11) - 5) * 1000;
  };

  const requests: RandomRequest[] = [];
  for (let n = 0; n < count; n++) {
    const purpose = chance(0.05) ? pick(unknownPurposes) : pick(purposeIds);
    const known = policy.purposes.get(purpose);
    // Mostly the purpose's own group, so that the rules past the purpose check are reached.
    const group = known && chance(0.85) ? known.group : pick(groups);
    const at = instant();
    // Items are acquired before use, mostly; sometimes (not validated by hogo) after.
    const acquiredAt = chance(0.9) ? Math.min(at, instant()) : instant();

    const customer: RandomRequest['customer'] = { group };
    if (chance(0.3)) customer.adOptOut = chance(0.5);
    if (chance(0.45)) {
      customer.consents = Array.from({ length: 1 + int(3) }, () => ({
        purpose: chance(0.6) ? purpose : pick(purposeIds),
        at: text(near(at)),
      }));
    }
    if (chance(0.35)) {
      customer.suspensions = Array.from({ length: 1 + int(2) }, () => {
        const s: NonNullable<RandomRequest['customer']['suspensions']>[number] = {
          kind: chance(0.5) ? 'use' : 'provision',
          from: text(near(at)),
        };
        if (chance(0.5)) {
          s.purposes = Array.from({ length: 1 + int(3) }, () =>
            chance(0.4) ? purpose : pick(purposeIds),
          );
        }
        return s;
      });
    }

    const item: RandomRequest['item'] = {
      category: pick(categories),
      acquiredAt: text(acquiredAt),
    };
    if (chance(0.7)) {
      item.service = { id: pick(services) };
      if (chance(0.8)) item.service.transferredFromDocomo = chance(0.6);
      if (chance(0.1)) item.service.endedAt = text(near(at));
    }
    if (chance(0.15)) item.survey = pick(surveys);

    const request: RandomRequest = { at: text(at), purpose, customer, item };
    if (chance(0.6)) {
      const kind = chance(0.4) ? 'adPlatform' : pick(kinds);
      request.recipient = { kind };
      if (kind === 'adPlatform') {
        if (chance(0.95)) request.recipient.id = pick(platforms);
      } else if (chance(0.5)) {
        request.recipient.id = `${kind}-1`;
      }
    }
    requests.push(request);
  }
  return requests;
}
