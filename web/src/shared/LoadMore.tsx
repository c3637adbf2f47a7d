/** The button that asks a paged list for its next page, shown only while there is one. */
export function LoadMore(props: {
  readonly list: { hasMore: boolean; loadMore(): Promise<void> };
}) {
  if (!props.list.hasMore) return null;
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={() => void props.list.loadMore()}>
        Load more
      </button>
    </div>
  );
}
