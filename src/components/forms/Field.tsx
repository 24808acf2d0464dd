import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface Props {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  errorPrefix: string;
  children: (control: ControlProps) => ReactNode;
  after?: ReactNode;
}

/** A labelled control with its hint and inline error tied by aria-describedby. */
export function Field({ id, label, hint, error, errorPrefix, children, after }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && <div id={hintId} className="field__hint">{hint}</div>}
      {error && <ErrorMessage id={errorId!} prefix={errorPrefix} message={error} />}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {after}
    </div>
  );
}

export function ErrorMessage({ id, prefix, message }: { id: string; prefix: string; message: string }) {
  return (
    <p id={id} className="field__error">
      <span className="visually-hidden">{prefix} </span>
      {message}
    </p>
  );
}
