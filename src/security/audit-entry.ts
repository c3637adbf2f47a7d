/** One entry of the tamper-evident audit log (SECURITY.3, SECURITY.6): who did what, to whom. */
export interface AuditEvent {
  /** Principal id, or 'system' for hogo's own jobs. */
  readonly actor: string;
  /** A stable verb: 'customer.read', 'item.readValue', 'decision', 'import.batch', 'keys.rotate', … */
  readonly action: string;
  readonly customerId?: string | null;
  readonly itemIds?: readonly string[];
  /** For decisions: permit/deny and the clauses cited. */
  readonly decision?: 'permit' | 'deny' | null;
  readonly clauses?: readonly string[];
  /** Anything else worth keeping; never a personal value in plain text. */
  readonly detail?: Readonly<Record<string, unknown>>;
}
