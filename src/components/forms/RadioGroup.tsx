import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ErrorMessage } from './Field';

export interface RadioOption {
  value: string;
  label: ReactNode;
}

interface Props {
  /** Used for ids: the first option's id is `${name}-0`, the error summary's link target. */
  name: string;
  legend: string;
  hint?: ReactNode;
  options: RadioOption[];
  error?: string;
  errorPrefix: string;
  registration: UseFormRegisterReturn;
  inline?: boolean;
}

/** A fieldset of radios with a visible label on every option (never bare stars or numbers). */
export function RadioGroup({ name, legend, hint, options, error, errorPrefix, registration, inline }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'field field--error' : 'field'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && <div id={hintId} className="field__hint">{hint}</div>}
      {error && <ErrorMessage id={errorId!} prefix={errorPrefix} message={error} />}
      <div className={inline ? 'radios radios--inline' : 'radios'}>
        {options.map((option, index) => (
          <div className="radios__item" key={option.value}>
            <input type="radio" id={`${name}-${index}`} value={option.value} aria-invalid={error ? true : undefined} {...registration} />
            <label htmlFor={`${name}-${index}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export const firstOptionId = (name: string) => `${name}-0`;
