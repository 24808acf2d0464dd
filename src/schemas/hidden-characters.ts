/**
 * Invisible characters that could hide or reorder what staff read: control characters, bidi
 * embeddings, overrides and isolates, zero-width and other format characters, and lone UTF-16
 * surrogates (ill-formed text). A description keeps tabs and line breaks, and the joiners and
 * direction marks real writing uses; every other free text a person other than its author reads
 * (a reply, a file name, a note) refuses what a description refuses. The SQL mirror
 * (internal.city_hidden_characters(), internal.description_hidden_characters()) lists the same
 * ranges except U+0000 and surrogates, which PostgreSQL text cannot hold (the API refuses them
 * before SQL, CONTRACT.md). Re-exported by ./support-request.ts, where the request's rules use them.
 */
export const CITY_HIDDEN_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uD800-\uDFFF]/u;
export const DESCRIPTION_HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;
