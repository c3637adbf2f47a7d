import type { ReactNode } from 'react';

/** A labelled one-line input: the label tied to the field by its id. */
export function TextField(props: {
  readonly id: string;
  readonly label: ReactNode;
  /** Shown after the label in a quieter voice, e.g. "(optional)". */
  readonly hint?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'date' | 'email' | 'tel' | 'password' | 'number';
  readonly required?: boolean;
  readonly maxLength?: number;
}) {
  return (
    <>
      <label htmlFor={props.id}>
        {props.label}
        {props.hint !== undefined && (
          <>
            {' '}
            <span className="hint">{props.hint}</span>
          </>
        )}
      </label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        {...(props.required ? { required: true } : {})}
        {...(props.maxLength !== undefined ? { maxLength: props.maxLength } : {})}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </>
  );
}
