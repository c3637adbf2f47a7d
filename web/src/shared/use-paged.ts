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
  // Every page is tagged with the deps it was loaded for: a render with new deps never shows
  // the entries of the old ones, not even before the new load has started.
  const key = JSON.stringify(deps);
  const [more, setMore] = useState<(Page<T> & { readonly key: string }) | null>(null);
  const [error, setError] = useState<{ readonly key: string; readonly message: string } | null>(
    null,
  );
  const first = useAsync(async () => {
    try {
      return { key, page: await load(null) };
    } catch (e) {
      // Tagged like the pages, so that a failure of an earlier search is not shown for this one.
      throw Object.assign(e instanceof Error ? e : new Error(String(e)), { key });
    }
  }, deps);
  const firstError =
    first.error !== null && (first.error as Error & { key?: string }).key === key
      ? first.error.message
      : null;
  const current = first.value?.key === key ? first.value.page : undefined;
  const later = more?.key === key ? more : null;
  const next = current === undefined ? null : (later ?? current).next;
  return {
    entries: current === undefined ? undefined : [...current.entries, ...(later?.entries ?? [])],
    loading: current === undefined && firstError === null,
    hasMore: next !== null,
    error: firstError ?? (error?.key === key ? error.message : null),
    async loadMore() {
      if (next === null) return;
      setError(null);
      try {
        const page = await load(next);
        setMore({ key, entries: [...(later?.entries ?? []), ...page.entries], next: page.next });
      } catch (e) {
        setError({ key, message: e instanceof ApiError ? `${e.code}: ${e.message}` : String(e) });
      }
    },
  };
}
