import { useMemo } from 'react';
import type { FieldErrors, FieldValues } from 'react-hook-form';

/**
 * The rule key of each field's current error, as an object that changes only when one of them
 * does. react-hook-form keeps one errors object and changes it in place, so a memoised form step
 * (re-rendered only when its props change) takes these instead.
 */
export function useErrorKeys<V extends FieldValues, F extends string>(errors: FieldErrors<V>, fields: readonly F[]): Partial<Record<F, string>> {
  const keyOf = (field: F) => {
    const message = (errors as Record<string, { message?: unknown } | undefined>)[field]?.message;
    return typeof message === 'string' ? message : undefined;
  };
  const signature = fields.map((field) => keyOf(field) ?? '').join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => Object.fromEntries(fields.flatMap((field) => (keyOf(field) ? [[field, keyOf(field)]] : []))) as Partial<Record<F, string>>, [signature]);
}
