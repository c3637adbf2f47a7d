import type { CompiledPolicy } from '../policy/index.ts';
import type { AuditLog, KeyService } from '../security/index.ts';
import type { Store } from '../store/index.ts';

/** What the registry's use cases need: declared here, given by whoever composes the slices. */
export interface RegistryDeps {
  readonly store: Store;
  readonly policy: CompiledPolicy;
  readonly keys: KeyService;
  readonly audit: AuditLog;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  readonly clock: () => number;
}
