/** Where the customer is in a short sequence of steps. */
export function Steps(props: { readonly labels: readonly string[]; readonly current: number }) {
  return (
    <ol className="steps">
      {props.labels.map((label, i) => (
        <li key={label} aria-current={i === props.current ? 'step' : undefined}>
          {i + 1}. {label}
        </li>
      ))}
    </ol>
  );
}
