import { type Lang, type RequestKindView, inLang } from '../shared/types.ts';
import { feeText } from './fee-text.ts';
import { STRINGS } from './strings.ts';

/** The request kinds of the policy file, with their fees and due days. */
export function KindsTable(props: {
  readonly lang: Lang;
  readonly kinds: readonly RequestKindView[];
}) {
  const t = STRINGS[props.lang].policy;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t.kind}</th>
          <th scope="col">{t.fee}</th>
          <th scope="col">{t.due}</th>
        </tr>
      </thead>
      <tbody>
        {props.kinds.map((k) => (
          <tr key={k.id}>
            <td>{inLang(k.name, props.lang)}</td>
            <td>{feeText(k, props.lang)}</td>
            <td>{t.days(k.dueDays)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
