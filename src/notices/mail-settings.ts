/** How notices leave hogo, read from the environment once at the edge. */
export interface MailSettings {
  /** `HOGO_SMTP_URL` (smtp://user:pass@host:587, smtps://…); null keeps notices in the outbox. */
  readonly smtpUrl: string | null;
  /** `HOGO_MAIL_FROM`: the sender address of every notice. */
  readonly from: string;
}

/** Reads the mail settings; refuses an SMTP URL that is not smtp:// or smtps://. */
export function mailSettings(env: NodeJS.ProcessEnv): MailSettings {
  const url = env.HOGO_SMTP_URL ?? '';
  if (url !== '' && !/^smtps?:\/\//.test(url))
    throw new Error(
      'HOGO_SMTP_URL must be an smtp:// or smtps:// URL (leave it unset to keep notices in the outbox)',
    );
  return {
    smtpUrl: url === '' ? null : url,
    from: env.HOGO_MAIL_FROM ?? 'privacy@localhost',
  };
}
