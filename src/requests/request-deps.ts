import type { NoticeDeps } from '../notices/index.ts';
import type { RegistryDeps } from '../registry/index.ts';
import type { VerificationLimits } from './verification-limits.ts';

/** What the requests' use cases need: the registry's and the outbox's, and the code limits. */
export interface RequestDeps extends RegistryDeps, NoticeDeps {
  /** How often one-time codes may be asked for (REQUEST.WEB); absent, the defaults. */
  readonly verificationLimits?: VerificationLimits;
}
