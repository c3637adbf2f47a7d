import type { RequestTextField } from './stored-text.ts';

/**
 * A free text of a request as a reader is shown it: the text for a principal who may read it
 * (the read audited), `sealed` when it exists but is not shown to this principal or in a list,
 * `erased` when the customer's data key was shredded (REQUEST.DELETION).
 */
export type TextView =
  | { readonly state: 'shown'; readonly text: string }
  | { readonly state: 'sealed' }
  | { readonly state: 'erased' };

/** The texts shown of one request, by field; a field absent here is shown as sealed. */
export type RequestTextViews = Partial<Record<RequestTextField, TextView>>;
