import type { Principal } from '../security/index.ts';

/**
 * REQUEST.WEB: the website as it acts on the registry — looking a customer up by the address
 * they typed, filing the request of a customer verified by a one-time code. A system
 * principal that reads no value (empty scope); `actor` names who it acts for in the audit
 * log (the requester token, or the verification).
 */
export function webChannel(actor: string): Principal {
  return {
    id: actor,
    kind: 'token',
    name: 'web channel (REQUEST.WEB)',
    role: 'system',
    scope: { categories: new Set(), purposes: new Set() },
  };
}
