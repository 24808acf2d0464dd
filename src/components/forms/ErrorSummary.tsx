import { useEffect, useRef } from 'react';

export interface SummaryError {
  /** The id of the control to move focus to. */
  target: string;
  message: string;
}

/** The summary's entries in the fields' page order: each field's message, linked to its control. */
export function summaryOf<F extends string>(
  fields: readonly F[],
  message: (field: F) => string | undefined,
  target: (field: F) => string = (field) => field,
): SummaryError[] {
  return fields.flatMap((field) => {
    const text = message(field);
    return text === undefined ? [] : [{ target: target(field), message: text }];
  });
}

interface Props {
  title: string;
  errors: SummaryError[];
  /** Changes on every failed submit, so focus moves to the summary each time. */
  attempt: number;
}

/** GOV.UK's error summary: shown at the top, focused, each message a link to its field. */
export function ErrorSummary({ title, errors, attempt }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const focusedFor = useRef(0);
  // Errors can arrive a render after the attempt is counted: focus once per attempt, when they do.
  useEffect(() => {
    if (errors.length > 0 && focusedFor.current !== attempt) {
      focusedFor.current = attempt;
      ref.current?.scrollIntoView({ block: 'start' });
      ref.current?.focus({ preventScroll: true });
    }
  }, [attempt, errors.length]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.target + error.message}>
            <a href={`#${error.target}`} onClick={(event) => focusField(event, error.target)}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function focusField(event: React.MouseEvent, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.scrollIntoView({ block: 'center' });
  field.focus();
}
