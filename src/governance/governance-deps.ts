import type { CompiledPolicy } from '../policy/index.ts';
import type { AuditLog } from '../security/index.ts';
import type { Store } from '../store/index.ts';

/** What the governance slice's use cases need (SECURITY.3–7); AppContext satisfies it. */
export interface GovernanceDeps {
  readonly store: Store;
  readonly policy: CompiledPolicy;
  readonly audit: AuditLog;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  readonly clock: () => number;
}
