import { useState, type FormEvent } from 'react';
import { ApiError } from './api.ts';

/** A form's submission: whether it is under way, and the API's answer when it failed. */
export interface Submission {
  readonly busy: boolean;
  readonly error: string | null;
  /** The form's onSubmit: runs `work` once, keeping the page, and reports its failure. */
  handle(work: () => Promise<void>): (e: FormEvent) => Promise<void>;
}

/** One submission state per form; a failure reads `code: message` from the API. */
export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    handle: (work) => async (e) => {
      e.preventDefault();
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (err) {
        setError(err instanceof ApiError ? `${err.code}: ${err.message}` : String(err));
      } finally {
        setBusy(false);
      }
    },
  };
}
