import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../shared/api.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
// The API's own list (a module without imports): the console offers exactly what it takes.
import { CALLER_RELATIONS } from '../../../src/requests/caller-relation.ts';
import { FamilyAnswer, type FamilyCallAnswer } from './FamilyAnswer.tsx';

/** PROVIDE.FAMILY: a caller who says they are family; the name and address must both match. */
export function FamilyCallPage(props: { readonly token: string }) {
  const [form, setForm] = useState({
    customerId: '',
    relation: 'spouse',
    callerName: '',
    statedName: '',
    statedAddress: '',
    operatorNote: '',
  });
  const [answer, setAnswer] = useState<FamilyCallAnswer | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof form) => ({
    id: `family-${name}`,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setAnswer(null);
    setRefusal(null);
    const { operatorNote, ...rest } = form;
    try {
      setAnswer(
        await api<FamilyCallAnswer>('POST', '/v1/family-calls', {
          token: props.token,
          body: { ...rest, ...(operatorNote.trim() ? { operatorNote: operatorNote.trim() } : {}) },
        }),
      );
    } catch (err) {
      setRefusal(err instanceof ApiError ? `Refused (${err.code}): ${err.message}` : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>Family caller</h1>
      <p className="lead">
        Family only — never friends or cohabitants who are not family. Nothing is said unless the
        stated name and address both match; each answer is recorded as a provision.
      </p>
      <form className="card" onSubmit={submit} aria-label="Family caller">
        <div className="grid2">
          <div>
            <label htmlFor="family-customerId">Customer ID</label>
            <input type="text" required {...field('customerId')} />
            <label htmlFor="family-relation">Relation the caller states</label>
            <select {...field('relation')}>
              {CALLER_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <label htmlFor="family-callerName">Caller’s name</label>
            <input type="text" required {...field('callerName')} />
          </div>
          <div>
            <label htmlFor="family-statedName">Customer’s name, as stated</label>
            <input type="text" required {...field('statedName')} />
            <label htmlFor="family-statedAddress">Customer’s address, as stated</label>
            <input type="text" required {...field('statedAddress')} />
            <label htmlFor="family-operatorNote">
              Outline of requirements <span className="hint">(optional)</span>
            </label>
            <input type="text" {...field('operatorNote')} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            Check and answer
          </button>
        </div>
      </form>
      <ErrorNotice message={refusal} />
      {answer && <FamilyAnswer answer={answer} />}
    </>
  );
}
