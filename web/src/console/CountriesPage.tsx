import { api } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { Localized } from '../shared/types.ts';
import { useAsync } from '../shared/use-async.ts';

/** GET /v1/countries (SECURITY.7, APPI Art. 28; PPC Rules Art. 17). */
interface CountryRegister {
  readonly clause: string;
  readonly reviewMonths: number;
  readonly entries: readonly {
    readonly code: string;
    readonly name: Localized;
    readonly lawExists: boolean;
    readonly law: Localized;
    readonly adequacy: 'adequate' | 'none';
    readonly cbpr: boolean;
    readonly oecdGaps: Localized;
    readonly governmentAccess: Localized;
    readonly localisation: Localized;
    readonly reviewed: string;
    readonly reviewDue: string;
    readonly overdue: boolean;
    readonly recipients: readonly { readonly id: string; readonly legalName: string }[];
  }[];
  readonly unregistered: readonly {
    readonly id: string;
    readonly legalName: string;
    readonly country: string;
  }[];
}

/** SECURITY.7: the foreign-country register, read-only; reviews past due are flagged. */
export function CountriesPage(props: { readonly token: string }) {
  const shown = useAsync(
    () => api<CountryRegister>('GET', '/v1/countries', { token: props.token }),
    [props.token],
  );
  const register = shown.value;
  return (
    <>
      <h1>Foreign countries</h1>
      <p className="lead">
        Every country abroad where personal data is stored or sent, with what PPC Rules Art. 17 asks
        to know ({register?.clause ?? 'SECURITY.7'}); each entry is reviewed every{' '}
        {register?.reviewMonths ?? 12} months. It is edited in the policy file.
      </p>
      <ErrorNotice message={shown.error?.message ?? null} />
      <table>
        <caption className="skip">Foreign-country register</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Law</th>
            <th scope="col">Adequacy · CBPR</th>
            <th scope="col">Gaps, government access, localisation</th>
            <th scope="col">Recipients</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {(register?.entries ?? []).map((e) => (
            <tr key={e.code} className={e.overdue ? 'overdue' : ''}>
              <td>
                {e.name.en} <span className="mono">({e.code})</span>
              </td>
              <td>
                {e.lawExists ? '' : 'No law. '}
                {e.law.en}
              </td>
              <td>
                {e.adequacy === 'adequate' ? 'Adequate' : 'Not adequate'} ·{' '}
                {e.cbpr ? 'CBPR' : 'no CBPR'}
              </td>
              <td>
                {e.oecdGaps.en} {e.governmentAccess.en} {e.localisation.en}
              </td>
              <td>{e.recipients.map((r) => r.legalName).join(', ') || 'None'}</td>
              <td>
                Reviewed {e.reviewed}, due {e.reviewDue}
                {e.overdue && <strong> · review overdue</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(register?.unregistered.length ?? 0) > 0 && (
        <>
          <h2>Recipients in a country not in the register</h2>
          <p>Every provision to them is refused until the register holds their country.</p>
          <ul>
            {register!.unregistered.map((r) => (
              <li key={r.id}>
                {r.legalName} ({r.country})
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
