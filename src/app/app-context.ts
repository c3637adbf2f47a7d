import type { MailSettings } from '../notices/index.ts';
import type { CompiledPolicy } from '../policy/index.ts';
import type { AuditLog, KeyService } from '../security/index.ts';
import type { Store } from '../store/index.ts';
import type { VerificationLimits } from '../requests/index.ts';

/** What use cases are given: built once at start (the composition root), no module singletons. */
export interface AppContext {
  readonly store: Store;
  readonly policy: CompiledPolicy;
  readonly keys: KeyService;
  readonly audit: AuditLog;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  readonly clock: () => number;
  /** How notices leave (HOGO_SMTP_URL); absent or without a URL, they stay in the outbox. */
  readonly mail?: MailSettings;
  /** How often one-time codes may be asked for (REQUEST.WEB); absent, the defaults. */
  readonly verificationLimits?: VerificationLimits;
}
