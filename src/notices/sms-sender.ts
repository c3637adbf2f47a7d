/** Sends one text message; throws an error whose `code` says why (never the number or text). */
export interface SmsSender {
  send(message: { readonly to: string; readonly body: string }): Promise<void>;
}

/** The SMS gateway: `HOGO_SMS_URL` (http:// or https://) and its bearer `HOGO_SMS_TOKEN`. */
export interface SmsSettings {
  readonly url: string;
  readonly token: string;
}

/** How long one request to the gateway may take before it counts as failed. */
const TIMEOUT_MS = 10_000;

/**
 * An SMS sender over a plain HTTP gateway: POST `{"to","body"}` as JSON with
 * `Authorization: Bearer <token>`; any 2xx is sent. A failure carries only a code
 * (`http_<status>` or the socket's code): a gateway's answer may echo the number.
 */
export function httpSmsSender(settings: SmsSettings): SmsSender {
  return {
    async send({ to, body }) {
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${settings.token}`,
          },
          body: JSON.stringify({ to, body }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (e) {
        const cause = (e as { cause?: { code?: unknown } }).cause;
        throw Object.assign(new Error('sms gateway unreachable'), {
          code: String(cause?.code ?? (e as { name?: string }).name ?? 'send_failed'),
        });
      }
      // Drain the answer without reading it into any log.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok)
        throw Object.assign(new Error('sms gateway refused'), { code: `http_${response.status}` });
    },
  };
}
