import type { CustomerCipher } from '../security/index.ts';
import { textContext, type RequestTextField, type StoredText } from './stored-text.ts';
import type { TextView } from './text-view.ts';

/**
 * A stored free text opened with the customer's cipher: its text, or erased when the cipher is
 * gone (shredded, REQUEST.DELETION) or the text was never kept. A plain (legacy) text is
 * shown as it is while the customer's key exists. The caller decides who may read, and audits.
 */
export function openStoredText(
  cipher: CustomerCipher | null,
  requestId: string,
  field: RequestTextField,
  stored: StoredText,
): TextView {
  if (cipher === null || (typeof stored !== 'string' && 'erased' in stored))
    return { state: 'erased' };
  if (typeof stored === 'string') return { state: 'shown', text: stored };
  const sealed = Buffer.from(stored.sealed, 'base64');
  return { state: 'shown', text: cipher.decrypt(sealed, textContext(requestId, field)) };
}
