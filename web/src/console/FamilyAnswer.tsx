/** What a family caller may be told (POST /v1/family-calls, answered). */
export interface FamilyCallAnswer {
  readonly outcome: 'answered';
  readonly clauses: readonly string[];
  readonly provisionId?: string;
  readonly answer: {
    readonly name: string;
    readonly address: string;
    readonly contracts: readonly { service: string; startedAt: string; endedAt: string | null }[];
    readonly requirements: string;
  };
}

/** The answer to read to the caller, with the clauses it rests on. */
export function FamilyAnswer(props: { readonly answer: FamilyCallAnswer }) {
  const a = props.answer;
  return (
    <section className="card" aria-labelledby="family-answer">
      <h2 id="family-answer">May be told</h2>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{a.answer.name}</dd>
        <dt>Address</dt>
        <dd>{a.answer.address}</dd>
        <dt>Contracts</dt>
        <dd>
          {a.answer.contracts.map((c) => `${c.service} (${c.startedAt.slice(0, 10)})`).join(', ') ||
            '—'}
        </dd>
        <dt>Requirements</dt>
        <dd>{a.answer.requirements || '—'}</dd>
        <dt>Clauses</dt>
        <dd className="mono">{a.clauses.join(', ')}</dd>
      </dl>
    </section>
  );
}
