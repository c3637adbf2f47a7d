import type { ReactElement, ReactNode } from 'react';
import { LoadMore } from '../shared/LoadMore.tsx';

/** A column of a list: its heading and its cells' class ("num" aligns numbers). */
export interface ListColumn {
  readonly label: ReactNode;
  readonly className?: string;
}

/**
 * The console's list pages: a table of rows under column headings, a sentence when there is
 * none (once loaded), and "Load more" while a paged list has another page.
 */
export function ListTable<T>(props: {
  /** The table's accessible name: as a hidden caption, or as its aria-label. */
  readonly caption?: string;
  readonly label?: string;
  readonly busy?: boolean;
  readonly columns: readonly ListColumn[];
  readonly rows: readonly T[];
  /** One row: a `<tr>` with its key. */
  readonly row: (entry: T) => ReactElement;
  /** Said when the list is loaded and empty. */
  readonly empty?: string;
  readonly loading?: boolean;
  /** A paged list (usePaged): its "Load more". */
  readonly paged?: { hasMore: boolean; loadMore(): Promise<void> };
}) {
  return (
    <>
      <table
        {...(props.label !== undefined ? { 'aria-label': props.label } : {})}
        {...(props.busy !== undefined ? { 'aria-busy': props.busy } : {})}
      >
        {props.caption !== undefined && <caption className="skip">{props.caption}</caption>}
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              <th key={i} scope="col" {...(c.className ? { className: c.className } : {})}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.rows.map(props.row)}</tbody>
      </table>
      {props.empty !== undefined && !props.loading && props.rows.length === 0 && (
        <p>{props.empty}</p>
      )}
      {props.paged && <LoadMore list={props.paged} />}
    </>
  );
}
