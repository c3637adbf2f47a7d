import type { SmsSettings } from './sms-sender.ts';

/** How notices leave hogo, read from the environment once at the edge. */
export interface MailSettings {
  /** `HOGO_SMTP_URL` (smtp://user:pass@host:587, smtps://…); null keeps notices in the outbox. */
  readonly smtpUrl: string | null;
  /** `HOGO_MAIL_FROM`: the sender address of every notice. */
  readonly from: string;
  /** `HOGO_SMS_URL` and `HOGO_SMS_TOKEN`: the SMS gateway; absent, phone notices stay queued. */
  readonly sms?: SmsSettings | null;
}

/**
 * Reads the mail settings; refuses an SMTP URL that is not smtp:// or smtps://, an SMS URL
 * that is not http(s)://, and an SMS URL without its token (or a token without a URL).
 */
export function mailSettings(env: NodeJS.ProcessEnv): MailSettings {
  const url = env.HOGO_SMTP_URL ?? '';
  if (url !== '' && !/^smtps?:\/\//.test(url))
    throw new Error(
      'HOGO_SMTP_URL must be an smtp:// or smtps:// URL (leave it unset to keep notices in the outbox)',
    );
  const smsUrl = env.HOGO_SMS_URL ?? '';
  const smsToken = env.HOGO_SMS_TOKEN ?? '';
  if (smsUrl !== '' && !/^https?:\/\//.test(smsUrl))
    throw new Error(
      'HOGO_SMS_URL must be an http:// or https:// URL (leave it unset to keep phone notices in the outbox)',
    );
  if ((smsUrl === '') !== (smsToken === ''))
    throw new Error('HOGO_SMS_URL and HOGO_SMS_TOKEN go together: set both or neither');
  return {
    smtpUrl: url === '' ? null : url,
    from: env.HOGO_MAIL_FROM ?? 'privacy@localhost',
    sms: smsUrl === '' ? null : { url: smsUrl, token: smsToken },
  };
}
