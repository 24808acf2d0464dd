import * as z from './zod';
import { hiddenCharactersRule } from './hidden-characters';

/**
 * A text field: normalised as typed, then held to its rule (`rule` gives the rule key it breaks,
 * or null), the key becoming the issue's message. Every free-text schema is built from it.
 */
export const ruledText = <K extends string>(normalise: (raw: string) => string, rule: (value: string) => K | null) =>
  z.pipe(z.string(), z.transform(normalise)).check(
    z.superRefine((value: string, ctx) => {
      const key = rule(value);
      if (key) ctx.addIssue({ code: 'custom', message: key });
    }),
  );

/** A string that refuses hidden characters with `<field>_characters` (for new free-text fields). */
export const withoutHiddenCharacters = <F extends string>(field: F, { singleLine = false } = {}) =>
  ruledText((s) => s, (value) => hiddenCharactersRule(field, value, { singleLine }));
