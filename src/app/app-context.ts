import type { CompiledPolicy } from '../policy/index.ts';
import type { AuditLog } from '../security/audit-log.ts';
import type { KeyService } from '../security/keys/key-service.ts';
import type { Store } from '../store/store.ts';

/** What use cases are given: built once at start (the composition root), no module singletons. */
export interface AppContext {
  readonly store: Store;
  readonly policy: CompiledPolicy;
  readonly keys: KeyService;
  readonly audit: AuditLog;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  readonly clock: () => number;
}
