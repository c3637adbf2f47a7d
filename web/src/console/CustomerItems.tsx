import { dateTime } from '../shared/format.ts';
import type { ItemView } from '../shared/types.ts';

/** A customer's items with provenance; the value, or that it is withheld from this reader. */
export function CustomerItems(props: { readonly items: readonly ItemView[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">Value</th>
          <th scope="col">Channel</th>
          <th scope="col">Source</th>
          <th scope="col">Acquired</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((i) => (
          <tr key={i.id}>
            <td>{i.category}</td>
            <td>{i.value ?? <span className="hint">withheld (outside your scope)</span>}</td>
            <td>{i.channel}</td>
            <td>{i.source}</td>
            <td>{dateTime(i.acquiredAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
