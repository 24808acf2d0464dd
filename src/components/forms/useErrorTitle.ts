import { useEffect, useRef } from 'react';

/** Prefixes the page title with "Error: " / "خطأ: " while the form shows errors (GOV.UK). */
export function useErrorTitle(hasErrors: boolean, prefix: string) {
  const original = useRef<string | null>(null);
  useEffect(() => {
    original.current ??= document.title;
    document.title = hasErrors ? `${prefix} ${original.current}` : original.current;
  }, [hasErrors, prefix]);
}
