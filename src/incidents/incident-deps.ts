import type { MailSettings } from '../notices/index.ts';
import type { CompiledPolicy } from '../policy/index.ts';
import type { AuditLog, KeyService } from '../security/index.ts';
import type { Store } from '../store/index.ts';

/** What the incidents use cases need (the application context satisfies it). */
export interface IncidentDeps {
  readonly store: Store;
  readonly policy: CompiledPolicy;
  /** The registry counts the people affected under its own keys and audit. */
  readonly keys: KeyService;
  readonly audit: AuditLog;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
  /** How breach notices leave (HOGO_SMTP_URL); absent, they stay in the outbox. */
  readonly mail?: MailSettings;
}
