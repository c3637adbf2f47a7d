import type { CompiledPolicy } from '../policy/index.ts';
import type { Store } from '../store/index.ts';
import type { AuditLog } from './audit-log.ts';
import type { KeyService } from './keys/key-service.ts';

/** What the security use cases need: declared here, given by whoever composes the slices. */
export interface SecurityDeps {
  readonly store: Store;
  readonly audit: AuditLog;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  readonly clock: () => number;
  readonly policy?: CompiledPolicy;
}

/** What the security routes and the key use cases need besides: the keys and the policy. */
export interface SecurityContext extends SecurityDeps {
  readonly keys: KeyService;
  readonly policy: CompiledPolicy;
}
