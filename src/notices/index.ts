/** The notices slice: what other slices may call (never its table). */
export { codeNotice } from './code-notice.ts';
export { deliverNotice, type DeliveryResult } from './deliver-notice.ts';
export { enqueueNotice } from './enqueue-notice.ts';
export { eraseNotices } from './erase-notices.ts';
export { listNotices, type NoticeFilter } from './list-notices.ts';
export { mailSettings, type MailSettings } from './mail-settings.ts';
export type { NoticeInput } from './notice-input.ts';
export { noticeMigrations } from './notice-migrations.ts';
export { registerNoticeRoutes } from './notice-routes.ts';
export type { NoticeView } from './notice-view.ts';
export {
  createPrintBatch,
  listPrintBatches,
  takePrintBatch,
  type Enclosure,
  type PrintBatchView,
} from './print-batch.ts';
export { japaneseFont } from './japanese-font.ts';
export { outcomeLetter, type OutcomeLetterInput } from './outcome-letter.ts';
export { readNotice, type NoticeWithBody } from './read-notice.ts';
export { rehearseNotice } from './rehearse-notice.ts';
export { retryNotices, type RetryReport } from './retry-notices.ts';
export { sendAfterCommit } from './send-after-commit.ts';
export type { NoticeDeps } from './notice-deps.ts';
