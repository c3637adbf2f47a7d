import type { SeededCustomer } from './e2e-server.ts';

/**
 * The purpose a staff read of a seeded customer names: one the contract or the customer's own
 * questions need, which no suspension of use covers (APPI Art. 35, `suspendable: false`).
 */
export function contractPurpose(c: SeededCustomer): string {
  return c.demo.row.group === 'OTH' ? 'PURPOSE.OTH.2' : 'PURPOSE.REG.1a';
}

/** The API path reading a seeded customer's values for that purpose. */
export function readPath(c: SeededCustomer): string {
  return `/v1/customers/${encodeURIComponent(c.id)}?purpose=${contractPurpose(c)}`;
}
