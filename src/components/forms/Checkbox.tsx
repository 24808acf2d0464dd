import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ErrorMessage } from './Field';

interface Props {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  errorPrefix: string;
  registration: UseFormRegisterReturn;
}

export function Checkbox({ id, label, hint, error, errorPrefix, registration }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error && <ErrorMessage id={errorId!} prefix={errorPrefix} message={error} />}
      <div className="checkbox">
        <input type="checkbox" id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...registration} />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && <div id={hintId} className="field__hint checkbox__hint">{hint}</div>}
    </div>
  );
}
