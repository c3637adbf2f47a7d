import type { FeeBreakdown } from './fee-for.ts';
import type { Refusal } from './refusal-reason.ts';

/** Who acted and when; every event carries it. */
interface Acted {
  readonly at: number;
  readonly by: string;
}

/** What happens to a request; `transition` applies one. */
export type RequestEvent =
  | (Acted & { readonly type: 'verify'; readonly method: string })
  | (Acted & { readonly type: 'requestFee'; readonly fee: FeeBreakdown })
  | (Acted & { readonly type: 'pay'; readonly amount: number; readonly reference: string | null })
  | (Acted & { readonly type: 'start' })
  | (Acted & {
      readonly type: 'fulfil';
      readonly summary: Readonly<Record<string, unknown>> | null;
    })
  | (Acted & {
      readonly type: 'fulfilPartly';
      readonly refusal: Refusal;
      readonly summary: Readonly<Record<string, unknown>> | null;
    })
  | (Acted & { readonly type: 'refuse'; readonly refusal: Refusal })
  | (Acted & { readonly type: 'notify' })
  | (Acted & { readonly type: 'cancel'; readonly reason: string });

/** The type of an event. */
export type RequestEventType = RequestEvent['type'];
