import { describe, expect, it } from 'vitest';
import { locales, messages, placeholdersOf } from '../../src/i18n';

// Every UI string exists in both languages with the same placeholders, so no page ever shows a
// raw key or an unfilled `{name}` to a reader of either language.
describe('UI strings in Arabic and English', () => {
  const [ar, en]: Record<string, string>[] = [messages.ar, messages.en];

  it('have the same keys', () => {
    const missingInEnglish = Object.keys(ar).filter((key) => !(key in en));
    const missingInArabic = Object.keys(en).filter((key) => !(key in ar));
    expect({ missingInEnglish, missingInArabic }).toEqual({ missingInEnglish: [], missingInArabic: [] });
  });

  it('use the same placeholders in each key', () => {
    const mismatched = Object.keys(ar)
      .filter((key) => key in en)
      .filter((key) => placeholdersOf(ar[key]!).join() !== placeholdersOf(en[key]!).join());
    expect(mismatched).toEqual([]);
  });

  it.each(locales)('has no empty string in %s', (locale) => {
    const empty = Object.entries(messages[locale]).filter(([, value]) => value.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(locales)('keeps %s.json sorted by key, so parallel additions merge cleanly', (locale) => {
    const keys = Object.keys(messages[locale]);
    expect(keys).toEqual([...keys].sort());
  });

  it.each(locales)('uses flat dotted keys in %s.json', (locale) => {
    const malformed = Object.keys(messages[locale]).filter((key) => !/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/.test(key));
    expect(malformed).toEqual([]);
  });
});
