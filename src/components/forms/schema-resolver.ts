import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from '../../schemas/zod';

/**
 * Lets a form check itself with its zod schema: the schema's output when every rule passes,
 * otherwise the first rule key of each field (a field shows one message at a time). The forms'
 * fields are flat and they use no native validation, so this is all of @hookform/resolvers they
 * need, at a tenth of its size in the bundle (bench/forms/RESULTS.md).
 */
export function schemaResolver<Input extends FieldValues, Output>(schema: z.ZodType<Output, Input>): Resolver<Input, unknown, Output> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'root')] ??= { type: issue.code, message: issue.message };
    return { values: {}, errors: errors as FieldErrors<Input> };
  };
}
