/**
 * A free text of a request as stored in its body: sealed under the customer's data key
 * (AES-256-GCM, base64, the context named by its field: `request:<id>:<field>`); `erased` when
 * it was written after the customer's key was shredded, so it could not be kept. A bare string
 * is plain text written before texts were sealed: read as such, sealed on the request's next
 * event.
 */
export type StoredText = string | { readonly sealed: string } | { readonly erased: true };

/** The free texts of a request, by field: each has its own encryption context. */
export type RequestTextField =
  'details' | 'refusal' | 'cancelled' | 'payment' | 'evidence' | 'surcharge';

/** The encryption context of a request's free text (bound as AES-GCM additional data). */
export function textContext(requestId: string, field: RequestTextField): string {
  return `request:${requestId}:${field}`;
}
