/** One sliding-window limit: at most `max` within `windowMs`. */
export interface WindowLimit {
  readonly windowMs: number;
  readonly max: number;
}

/**
 * How often one-time codes may be asked for (REQUEST.WEB), read from the environment once at
 * the edge. A limit of 0 turns that limit off.
 */
export interface VerificationLimits {
  /** Codes per target address (by keyed hash): `HOGO_VERIFY_ADDRESS_PER_15MIN`, `…_PER_DAY`. */
  readonly perAddress: readonly WindowLimit[];
  /** Starts per client IP: `HOGO_VERIFY_IP_PER_15MIN`. */
  readonly perIp: readonly WindowLimit[];
  /** Code confirmations per client IP, right or wrong: `HOGO_CONFIRM_IP_PER_15MIN`. */
  readonly perIpConfirm: readonly WindowLimit[];
  /** Requests a verified customer files on the web: `HOGO_FILE_PER_15MIN`, `HOGO_FILE_PER_DAY`. */
  readonly perCustomerFiling: readonly WindowLimit[];
}

const QUARTER = 15 * 60_000;
const DAY = 24 * 60 * 60_000;

/**
 * The limits when the environment says nothing: 3 codes per 15 minutes, 10 a day, 20 per IP;
 * 30 confirmations per IP per 15 minutes; 5 web filings per customer per 15 minutes, 20 a day.
 */
export const DEFAULT_VERIFICATION_LIMITS: VerificationLimits = {
  perAddress: [
    { windowMs: QUARTER, max: 3 },
    { windowMs: DAY, max: 10 },
  ],
  perIp: [{ windowMs: QUARTER, max: 20 }],
  perIpConfirm: [{ windowMs: QUARTER, max: 30 }],
  perCustomerFiling: [
    { windowMs: QUARTER, max: 5 },
    { windowMs: DAY, max: 20 },
  ],
};

/** Reads the limits; refuses a value that is not a whole number ≥ 0. */
export function verificationLimits(env: NodeJS.ProcessEnv): VerificationLimits {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`${name} must be a whole number ≥ 0 (0 turns the limit off), got '${raw}'`);
    return n;
  };
  const on = (limits: WindowLimit[]) => limits.filter((l) => l.max > 0);
  return {
    perAddress: on([
      { windowMs: QUARTER, max: read('HOGO_VERIFY_ADDRESS_PER_15MIN', 3) },
      { windowMs: DAY, max: read('HOGO_VERIFY_ADDRESS_PER_DAY', 10) },
    ]),
    perIp: on([{ windowMs: QUARTER, max: read('HOGO_VERIFY_IP_PER_15MIN', 20) }]),
    perIpConfirm: on([{ windowMs: QUARTER, max: read('HOGO_CONFIRM_IP_PER_15MIN', 30) }]),
    perCustomerFiling: on([
      { windowMs: QUARTER, max: read('HOGO_FILE_PER_15MIN', 5) },
      { windowMs: DAY, max: read('HOGO_FILE_PER_DAY', 20) },
    ]),
  };
}
