import { useEffect, useRef, useState } from 'react';

interface Props {
  id: string;
  count: number;
  max: number;
  text: (count: number, max: number) => string;
}

/**
 * A visible count, and a quieter live region that speaks only once typing pauses (as GOV.UK's
 * character count does), so screen reader users are not interrupted at every key.
 */
export function CharacterCount({ id, count, max, text }: Props) {
  const [spoken, setSpoken] = useState('');
  const initial = useRef(count);
  useEffect(() => {
    if (count === initial.current && spoken === '') return; // nothing typed yet: nothing to say
    const timer = setTimeout(() => setSpoken(text(count, max)), 1000);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, max]);
  return (
    <>
      <p id={id} className={count > max ? 'field__count field__count--over' : 'field__count'} aria-hidden="true">
        {text(count, max)}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </>
  );
}
