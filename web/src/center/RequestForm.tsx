import { useState, type FormEvent } from 'react';
import { type Lang, type RequestKindView, inLang } from '../shared/types.ts';
import { feeText } from './fee-text.ts';
import type { RequestDraft } from './request-draft.ts';
import { STRINGS } from './strings.ts';

/** Step 1: what is asked, by whom, delivered how, and in which language we answer. */
export function RequestForm(props: {
  readonly lang: Lang;
  readonly kinds: readonly RequestKindView[];
  readonly initial: RequestDraft | null;
  readonly busy: boolean;
  readonly submitLabel: string;
  readonly onSubmit: (draft: RequestDraft) => void;
}) {
  const t = STRINGS[props.lang].form;
  const init = props.initial;
  const [kind, setKind] = useState(init?.kind ?? props.kinds[0]?.id ?? '');
  const [agent, setAgent] = useState(init?.requester.type === 'agent');
  const [authority, setAuthority] = useState<'legalRepresentative' | 'appointedAgent'>(
    init?.requester.type === 'agent' ? init.requester.authority : 'legalRepresentative',
  );
  const [evidence, setEvidence] = useState(
    init?.requester.type === 'agent' ? init.requester.evidence : '',
  );
  const [delivery, setDelivery] = useState<'electronic' | 'paper'>(
    init?.deliveryMethod ?? 'electronic',
  );
  const [details, setDetails] = useState(init?.details ?? '');
  const [letterLang, setLetterLang] = useState<Lang>(init?.lang ?? props.lang);
  const chosen = props.kinds.find((k) => k.id === kind);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit({
      kind,
      requester: agent
        ? { type: 'agent', authority, evidence: evidence.trim() }
        : { type: 'customer' },
      ...(chosen?.deliversPackage === true ? { deliveryMethod: delivery } : {}),
      ...(details.trim() !== '' ? { details: details.trim() } : {}),
      lang: letterLang,
    });
  };

  return (
    <form onSubmit={submit} aria-label={STRINGS[props.lang].form.heading}>
      <fieldset>
        <legend>{t.kind}</legend>
        {props.kinds.map((k) => (
          <label className="choice" key={k.id}>
            <input
              type="radio"
              name="kind"
              value={k.id}
              checked={kind === k.id}
              onChange={() => setKind(k.id)}
            />
            <span>
              {inLang(k.name, props.lang)}{' '}
              <span className="hint">
                ({feeText(k, props.lang)} · {STRINGS[props.lang].policy.days(k.dueDays)})
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t.requester}</legend>
        <label className="choice">
          <input type="radio" name="requester" checked={!agent} onChange={() => setAgent(false)} />
          <span>{t.self}</span>
        </label>
        <label className="choice">
          <input type="radio" name="requester" checked={agent} onChange={() => setAgent(true)} />
          <span>{t.agent}</span>
        </label>
        {agent && (
          <>
            <label htmlFor="authority">{t.authority}</label>
            <select
              id="authority"
              value={authority}
              onChange={(e) => setAuthority(e.target.value as typeof authority)}
            >
              <option value="legalRepresentative">{t.legalRepresentative}</option>
              <option value="appointedAgent">{t.appointedAgent}</option>
            </select>
            <label htmlFor="evidence">
              {t.evidence} <span className="hint">{t.evidenceHint}</span>
            </label>
            <input
              id="evidence"
              type="text"
              required
              maxLength={200}
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
            />
          </>
        )}
      </fieldset>

      {chosen?.deliversPackage === true && (
        <fieldset>
          <legend>{t.delivery}</legend>
          {(['electronic', 'paper'] as const).map((m) => (
            <label className="choice" key={m}>
              <input
                type="radio"
                name="delivery"
                checked={delivery === m}
                onChange={() => setDelivery(m)}
              />
              <span>{t[m]}</span>
            </label>
          ))}
        </fieldset>
      )}

      <label htmlFor="details">
        {t.details} <span className="hint">{t.detailsHint}</span>
      </label>
      <textarea
        id="details"
        maxLength={4000}
        value={details}
        onChange={(e) => setDetails(e.target.value)}
      />

      <label htmlFor="letter-lang">{t.letterLang}</label>
      <select
        id="letter-lang"
        value={letterLang}
        onChange={(e) => setLetterLang(e.target.value as Lang)}
      >
        <option value="ja">日本語</option>
        <option value="en">English</option>
      </select>

      <p>{chosen?.fee ? t.fee(feeText(chosen, props.lang)) : t.noFee}</p>
      <div className="actions">
        <button type="submit" disabled={props.busy || kind === ''}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
