/**
 * Hidden characters: invisible characters that could hide or reorder what someone other than the
 * author reads (issue 15, hole 7): control characters, bidi embeddings, overrides and isolates,
 * zero-width and other format characters, and lone UTF-16 surrogates (ill-formed text). Every
 * free-text field another person reads refuses them under `<field>_characters`:
 * - one-line text (a city, an email address) refuses all of them, soft hyphens and the marks too;
 * - text that keeps line breaks (a description, a note, a reason, a reply, a message) keeps tabs,
 *   line breaks and the joiners and direction marks real writing uses.
 * The SQL mirror is internal.city_hidden_characters() (one line) and
 * internal.description_hidden_characters() (multiline), called by internal.refuse_hidden_characters(),
 * with the same ranges except U+0000 and surrogates, which PostgreSQL text cannot hold (the API
 * refuses them before SQL, supabase/CONTRACT.md).
 */
export const SINGLE_LINE_HIDDEN_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uD800-\uDFFF]/u;
export const MULTILINE_HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;

export type HiddenCharactersKey<F extends string> = `${F}_characters`;

/** `<field>_characters` when `value` holds a hidden character of its kind, else null. */
export function hiddenCharactersRule<F extends string>(field: F, value: string, { singleLine = false } = {}): HiddenCharactersKey<F> | null {
  return (singleLine ? SINGLE_LINE_HIDDEN_CHARACTERS : MULTILINE_HIDDEN_CHARACTERS).test(value) ? `${field}_characters` : null;
}
