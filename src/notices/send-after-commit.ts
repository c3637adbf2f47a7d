import type { NoticeDeps } from './notice-deps.ts';
import { deliverNotice } from './deliver-notice.ts';
import { sendableChannels } from './notice-senders.ts';

/**
 * Starts sending notices just committed, without waiting: the caller answers at once (a
 * one-time code's answer must not take longer when a customer matched). Failures are
 * recorded on the notice by `deliverNotice`; nothing is sent without SMTP or the SMS gateway configured.
 */
export function sendAfterCommit(
  ctx: NoticeDeps,
  noticeIds: readonly string[],
  /** Address and body from memory, for notices whose customer is erased by now. */
  plain: ReadonlyMap<string, { readonly to: string; readonly body: string }> = new Map(),
): void {
  if (sendableChannels(ctx.mail).length === 0) return;
  for (const id of noticeIds) {
    deliverNotice(ctx, id, plain.get(id)).catch(() => {
      // Already recorded where it could be; a closed store at shutdown leaves it for later.
    });
  }
}
