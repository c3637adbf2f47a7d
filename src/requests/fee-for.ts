import { HogoError } from '../errors/index.ts';
import type { CompiledPolicy } from '../policy/index.ts';
import { requestKind } from './request-kind.ts';

/** What `feeFor` is asked: a kind, how many subscriber lines, and a surcharge set by staff. */
export interface FeeQuery {
  readonly kind: string;
  readonly lines: number;
  /** REQUEST.FEE: an irregular request's extra fee, before tax, with the reason staff gave. */
  readonly surcharge?: { readonly amount: number; readonly reason: string };
}

/** A fee itemised in whole yen: base, surcharge, tax, total (REQUEST.FEE). */
export interface FeeBreakdown {
  readonly kind: string;
  readonly currency: string;
  /** 'subscriberLine' (× lines), 'request' (once), or null for a free kind. */
  readonly per: 'subscriberLine' | 'request' | null;
  readonly lines: number;
  /** Per unit, before tax. */
  readonly unitAmount: number;
  /** unitAmount × units. */
  readonly base: number;
  readonly surcharge: { readonly amount: number; readonly reason: string } | null;
  readonly taxRate: number;
  /** (base + surcharge) × taxRate, rounded down to the yen. */
  readonly tax: number;
  readonly total: number;
  readonly clauses: readonly string[];
}

/** Micro-units of a rate, so that 1000 × 0.1 is 100 exactly, not 100.00000000000001. */
const MICROS = 1_000_000;

/**
 * The fee of a request (REQUEST.FEE, APPI Art. 38): the policy file's amount per subscriber
 * line (or per request), plus a surcharge only where the file allows one and staff give a
 * reason; consumption tax on the sum, rounded down to the yen once per request. Kinds without
 * a fee in the file are free (Art. 38(1) allows fees only for a notice of purposes and a
 * disclosure; the policy check refuses a fee on any other kind).
 */
export function feeFor(policy: CompiledPolicy, query: FeeQuery): FeeBreakdown {
  const kind = requestKind(policy, query.kind);
  if (!Number.isInteger(query.lines) || query.lines < 1 || query.lines > 10_000)
    throw new HogoError('requests.invalid_lines', 'lines must be an integer from 1', {
      field: 'lines',
    });
  const fee = kind.fee;
  const surcharge = checkSurcharge(
    query.surcharge,
    fee?.irregularSurcharge === true,
    fee?.maxSurcharge ?? SURCHARGE_CEILING,
  );
  if (fee === undefined) {
    return {
      kind: kind.id,
      currency: policy.document.requestKinds.find((k) => k.fee)?.fee?.currency ?? 'JPY',
      per: null,
      lines: query.lines,
      unitAmount: 0,
      base: 0,
      surcharge: null,
      taxRate: 0,
      tax: 0,
      total: 0,
      clauses: ['REQUEST.FEE'],
    };
  }
  const base = fee.amount * (fee.per === 'subscriberLine' ? query.lines : 1);
  const taxable = base + (surcharge?.amount ?? 0);
  const tax = Math.floor((taxable * Math.round(fee.taxRate * MICROS)) / MICROS);
  return {
    kind: kind.id,
    currency: fee.currency,
    per: fee.per,
    lines: query.lines,
    unitAmount: fee.amount,
    base,
    surcharge,
    taxRate: fee.taxRate,
    tax,
    total: taxable + tax,
    clauses: ['REQUEST.FEE'],
  };
}

/**
 * The largest surcharge when the policy file sets none (`fee.maxSurcharge`): APPI Art. 38(2)
 * wants a fee reasonable for the actual cost, and a bound keeps every total a whole number of
 * yen that can be paid (1e308 would make it no number at all).
 */
export const SURCHARGE_CEILING = 1_000_000;

function checkSurcharge(
  surcharge: FeeQuery['surcharge'],
  allowed: boolean,
  max: number,
): FeeBreakdown['surcharge'] {
  if (surcharge === undefined) return null;
  if (!allowed)
    throw new HogoError(
      'requests.surcharge_not_allowed',
      'the policy allows no surcharge on this kind of request',
      { field: 'surcharge' },
    );
  if (!Number.isInteger(surcharge.amount) || surcharge.amount < 1)
    throw new HogoError('requests.invalid_surcharge', 'a surcharge is a positive whole amount', {
      field: 'surcharge.amount',
    });
  if (surcharge.amount > max)
    throw new HogoError('requests.invalid_surcharge', `a surcharge is at most ${max}`, {
      field: 'surcharge.amount',
    });
  // REQUEST.FEE: an additional fee is set by staff *with a reason*.
  const reason = surcharge.reason.trim();
  if (reason === '')
    throw new HogoError(
      'requests.surcharge_reason_required',
      'an irregular-request surcharge needs a reason',
      { field: 'surcharge.reason' },
    );
  return { amount: surcharge.amount, reason };
}
