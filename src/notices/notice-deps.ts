import type { RegistryDeps } from '../registry/index.ts';
import type { MailSettings } from './mail-settings.ts';

/** What the outbox's use cases need: declared here, given by whoever composes the slices. */
export interface NoticeDeps extends Pick<RegistryDeps, 'store' | 'keys' | 'audit' | 'clock'> {
  /** How notices leave (HOGO_SMTP_URL); absent or without a URL, they stay in the outbox. */
  readonly mail?: MailSettings;
}
