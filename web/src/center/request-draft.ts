import type { Lang } from '../shared/types.ts';

/** What the form collects: the body of POST /v1/public/requests. */
export interface RequestDraft {
  readonly kind: string;
  readonly requester:
    | { readonly type: 'customer' }
    | {
        readonly type: 'agent';
        readonly authority: 'legalRepresentative' | 'appointedAgent';
        readonly evidence: string;
      };
  readonly deliveryMethod?: 'electronic' | 'paper';
  readonly details?: string;
  readonly lang: Lang;
}
