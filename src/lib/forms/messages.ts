/**
 * The islands receive only the UI strings they use (picked by prefix in the page), not the
 * whole locale file, and fill `{name}` placeholders like `t()` in src/i18n.
 */
export type Messages = Record<string, string>;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function translator(messages: Messages): Translate {
  return (key, params) => {
    const message = messages[key] ?? key;
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

export function pickMessages(all: Messages, prefixes: readonly string[]): Messages {
  return Object.fromEntries(Object.entries(all).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}
