import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type * as z from '../../schemas/zod';

type Schema<Input, Output> = z.ZodMiniType<Output, Input>;

/**
 * Lets a form check itself with its zod schema: the schema's output when every rule passes,
 * otherwise the first rule key of each field (a field shows one message at a time). The forms'
 * fields are flat and they use no native validation, so this is all of @hookform/resolvers they
 * need, at a tenth of its size in the bundle (bench/forms/RESULTS.md).
 */
export function schemaResolver<Input extends FieldValues, Output>(schema: Schema<Input, Output>): Resolver<Input, unknown, Output> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'root')] ??= { type: issue.code, message: issue.message };
    return { values: {}, errors: errors as FieldErrors<Input> };
  };
}

/**
 * The same, with a schema that is loaded the first time the answers are checked (a dynamic
 * `import()`): zod and the schema stay out of what the page runs before it can be used (issue 18).
 * `load.preload()` fetches it early, say when the applicant starts typing.
 */
export function lazySchemaResolver<Input extends FieldValues, Output>(
  load: () => Promise<Schema<Input, Output>>,
): Resolver<Input, unknown, Output> & { preload: () => void } {
  let resolver: Promise<Resolver<Input, unknown, Output>> | undefined;
  // A failed load (the connection dropped) is not kept: the next check tries again.
  const loaded = () =>
    (resolver ??= load().then(
      (schema) => schemaResolver(schema),
      (error: unknown) => {
        resolver = undefined;
        throw error;
      },
    ));
  const resolve: Resolver<Input, unknown, Output> = async (values, context, options) => (await loaded())(values, context, options);
  return Object.assign(resolve, { preload: () => void loaded() });
}
