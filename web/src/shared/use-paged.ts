import { useState } from 'react';
import { ApiError } from './api.ts';
import { useAsync } from './use-async.ts';

/** One page of a cursor-paged list: its entries and the cursor of the next (null: the last). */
export interface Page<T> {
  readonly entries: readonly T[];
  readonly next: string | null;
}

/** A cursor-paged list as loaded so far, and a way to load the page after it. */
export interface Paged<T> {
  /** Every entry loaded so far, first page first; undefined until the first page arrives. */
  readonly entries: readonly T[] | undefined;
  readonly loading: boolean;
  /** Whether a page after the loaded ones exists. */
  readonly hasMore: boolean;
  /** The last failure, of the first page or of a later one. */
  readonly error: string | null;
  loadMore(): Promise<void>;
}

/**
 * Loads the first page when `deps` change, then each next page on `loadMore`, appending; a
 * change of `deps` starts again from the first. `load(null)` asks for the first page.
 */
export function usePaged<T>(
  load: (cursor: string | null) => Promise<Page<T>>,
  deps: readonly unknown[],
): Paged<T> {
  const [more, setMore] = useState<Page<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useAsync(() => {
    setMore(null);
    setError(null);
    return load(null);
  }, deps);
  const next = more === null ? (first.value?.next ?? null) : more.next;
  return {
    entries:
      first.value === undefined ? undefined : [...first.value.entries, ...(more?.entries ?? [])],
    loading: first.loading,
    hasMore: next !== null,
    error: first.error?.message ?? error,
    async loadMore() {
      if (next === null) return;
      setError(null);
      try {
        const page = await load(next);
        setMore({ entries: [...(more?.entries ?? []), ...page.entries], next: page.next });
      } catch (e) {
        setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e));
      }
    },
  };
}
