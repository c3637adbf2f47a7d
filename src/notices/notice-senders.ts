import { createTransport } from 'nodemailer';
import type { MailSettings } from './mail-settings.ts';
import { httpSmsSender } from './sms-sender.ts';

/** Sends one notice's text to its address; throws an error carrying a `code` on failure. */
export type SendText = (message: {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}) => Promise<void>;

/**
 * How a channel's notices leave now: e-mail through SMTP, phone through the SMS gateway; null
 * when that channel is not configured (the notice stays queued) and always for post, which
 * leaves on paper in a print batch (see create-print-batch.ts).
 */
export function senderFor(mail: MailSettings | undefined, channel: string): SendText | null {
  if (channel === 'email' && (mail?.smtpUrl ?? null) !== null) {
    const { smtpUrl, from } = mail!;
    return async ({ to, subject, body }) => {
      const transport = createTransport(smtpUrl!);
      try {
        await transport.sendMail({ from, to, subject, text: body });
      } finally {
        transport.close();
      }
    };
  }
  if (channel === 'phone' && (mail?.sms ?? null) !== null) {
    const sms = httpSmsSender(mail!.sms!);
    // A text message has no subject line: the body says it all.
    return ({ to, body }) => sms.send({ to, body });
  }
  return null;
}

/** The channels whose notices can be sent electronically now. */
export function sendableChannels(mail: MailSettings | undefined): string[] {
  return ['email', 'phone'].filter((c) => senderFor(mail, c) !== null);
}
