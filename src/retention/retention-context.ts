import type { CompiledPolicy } from '../policy/index.ts';
import type { AuditLog, KeyService } from '../security/index.ts';
import type { Store } from '../store/index.ts';

/** What the retention slice's use cases need: the registry's erasure takes the same. */
export interface RetentionContext {
  readonly store: Store;
  readonly policy: CompiledPolicy;
  readonly keys: KeyService;
  readonly audit: AuditLog;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
}
