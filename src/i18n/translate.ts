import type ar from './ar.json';

/**
 * The one translator: pages call it at build time (through `t()` in ./index.ts), islands in the
 * browser with the strings their page gave them. This file holds no locale data, so an island
 * that imports it ships only the few lines below.
 */

/** Every UI string's key, typed from the Arabic file (the parity test holds English to the same keys). */
export type MessageKey = keyof typeof ar;
/** The keys under some prefixes, e.g. `KeyWithPrefix<'staff.' | 'errors.'>`. */
export type KeyWithPrefix<P extends string> = Extract<MessageKey, `${P}${string}`>;
export type Messages<K extends string = MessageKey> = Readonly<Record<K, string>>;
export type Params = Readonly<Record<string, string | number>>;

export interface Translate<K extends string = MessageKey> {
  /** The string `key` with its `{name}` placeholders filled; a key it does not hold throws. */
  (key: K, params?: Params): string;
  /** Whether a key built from data (a database rule key) has a string here. */
  has(key: string): key is K;
}

/**
 * For a view whose keys come from codes the database writes, which the type checker cannot
 * follow (the staff timeline's events). It is the same translator (a missing key still throws),
 * and tests/unit/i18n-keys.test.ts checks that every code has its string.
 */
export type RuntimeTranslate = (key: string, params?: Params) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Names of the `{placeholders}` in a message, sorted (the parity test compares them). */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** Fills `{name}` from `params`; a placeholder without a value stays visible, so it is noticed. */
export function fill(message: string, params?: Params): string {
  if (!params) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator<K extends string>(messages: Messages<K>): Translate<K> {
  const has = (key: string): key is K => Object.hasOwn(messages, key);
  const translate = (key: K, params?: Params) => {
    if (!has(key)) throw new Error(`Missing UI string "${key}"`);
    return fill(messages[key], params);
  };
  return Object.assign(translate, { has });
}
