import type { ChangeEvent } from 'react';
import { toLatinDigits } from '../../lib/digits';

/**
 * Replaces Arabic-Indic and Persian digits as they are typed, keeping the caret where it was,
 * so numbers read the same in the field, on the review page and in the database.
 */
export function latinDigitsAsTyped(event: ChangeEvent<HTMLInputElement>) {
  const input = event.target;
  const latin = toLatinDigits(input.value);
  if (latin === input.value) return;
  const caret = input.selectionStart;
  input.value = latin;
  if (caret !== null) input.setSelectionRange(caret, caret);
}
