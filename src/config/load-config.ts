import { BUNDLED_POLICY_PATH } from '../policy/index.ts';
import { join } from 'node:path';

/** Settings read from the environment once, at the edge; everything inside takes them as values. */
export interface HogoConfig {
  /** The policy file enforced (HOGO_POLICY). */
  readonly policyPath: string;
  /** Where `hogo serve` listens (HOGO_HOST, HOGO_PORT). */
  readonly host: string;
  readonly port: number;
  /** pino level for the server's log (HOGO_LOG_LEVEL). */
  readonly logLevel: string;
  /** Reverse proxies trusted for the client IP (HOGO_TRUST_PROXY): addresses or CIDRs. */
  readonly trustProxy?: string;
  /**
   * Where `hogo serve` appends signed anchors of the audit chain (HOGO_AUDIT_ANCHORS: a file
   * kept apart from the database; default `$HOGO_DATA_DIR/audit-anchors.ndjson`, `off` turns
   * anchoring off), and every how many hours (HOGO_AUDIT_ANCHOR_HOURS, 24).
   */
  readonly auditAnchors?: { readonly file: string; readonly everyHours: number };
}

/** Reads the configuration from environment variables, with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HogoConfig {
  const port = Number(env.HOGO_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`HOGO_PORT must be a port number (0–65535), got '${env.HOGO_PORT}'`);
  }
  return {
    policyPath: env.HOGO_POLICY ?? BUNDLED_POLICY_PATH,
    host: env.HOGO_HOST ?? '127.0.0.1',
    port,
    logLevel: env.HOGO_LOG_LEVEL ?? 'info',
    ...trustProxy(env.HOGO_TRUST_PROXY),
    ...auditAnchors(env.HOGO_AUDIT_ANCHORS, env.HOGO_AUDIT_ANCHOR_HOURS, env.HOGO_DATA_DIR),
  };
}

/** The anchors file when HOGO_AUDIT_ANCHORS is unset: beside the data, to be copied away. */
export function defaultAnchorsFile(dataDir: string | undefined): string {
  return join(
    dataDir === undefined || dataDir.trim() === '' ? 'data' : dataDir,
    'audit-anchors.ndjson',
  );
}

/**
 * HOGO_AUDIT_ANCHORS (a file; unset, the default file; `off`, none) and HOGO_AUDIT_ANCHOR_HOURS
 * (a positive number, default 24). On by default: without anchors, whoever can write the
 * database can rewrite an entry and recompute the chain unseen (SECURITY.3).
 */
function auditAnchors(
  file: string | undefined,
  hours: string | undefined,
  dataDir: string | undefined,
): { auditAnchors?: HogoConfig['auditAnchors'] } {
  const given = (file ?? '').trim();
  if (given === 'off') {
    if (hours !== undefined && hours.trim() !== '')
      throw new Error('HOGO_AUDIT_ANCHOR_HOURS needs anchoring on (HOGO_AUDIT_ANCHORS is off)');
    return {};
  }
  const path = given === '' ? defaultAnchorsFile(dataDir) : given;
  const everyHours = hours === undefined || hours.trim() === '' ? 24 : Number(hours);
  if (!Number.isFinite(everyHours) || everyHours <= 0 || everyHours > 24 * 24)
    throw new Error(
      `HOGO_AUDIT_ANCHOR_HOURS must be a number of hours above 0 and at most 576 (24 days), got '${hours}'`,
    );
  return { auditAnchors: { file: path, everyHours } };
}

/** HOGO_TRUST_PROXY: a comma-separated list of proxy addresses or CIDRs. */
function trustProxy(value: string | undefined): { trustProxy?: string } {
  const v = (value ?? '').trim();
  if (v === '') return {};
  if (v === 'true' || v === '*' || /^\d+$/.test(v))
    throw new Error(
      'HOGO_TRUST_PROXY must name the proxies (addresses or CIDRs): trusting every sender lets any client choose its IP',
    );
  return { trustProxy: v };
}
