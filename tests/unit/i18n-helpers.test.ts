import { describe, expect, it } from 'vitest';
import { dirOf, islandMessages, localePath, messages, splitLocalePath, t } from '../../src/i18n';
import { fill, translator } from '../../src/i18n/translate';

describe('t()', () => {
  it('returns the string of the reader’s language', () => {
    expect(t('ar', 'nav.policy')).toBe('السياسة');
    expect(t('en', 'nav.policy')).toBe('Our policy');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'footer.copyright', { year: 2026, name: 'Irtiqaa' })).toBe('© 2026 Irtiqaa. All rights reserved.');
    expect(t('en', 'footer.copyright', { year: 2026 })).toContain('{name}');
  });

  it('fails loudly on a key that does not exist, instead of showing it to a reader', () => {
    // @ts-expect-error: keys are typed from the locale file, so a typo fails the type check first.
    expect(() => t('ar', 'nav.doesNotExist')).toThrow(/nav\.doesNotExist/);
  });
});

describe('localePath()', () => {
  it('keeps Arabic pages at the root and puts English ones under /en', () => {
    expect(localePath('ar', '/policy')).toBe('/policy');
    expect(localePath('en', '/policy')).toBe('/en/policy');
    expect(localePath('ar', '/')).toBe('/');
    expect(localePath('en', '/')).toBe('/en/');
    expect(localePath('en', 'faq')).toBe('/en/faq');
    expect(localePath('en', '/policy#detailed-goals')).toBe('/en/policy#detailed-goals');
  });

  it('switches a page that already carries a locale to the other language', () => {
    expect(localePath('ar', '/en/channels')).toBe('/channels');
    expect(localePath('en', '/en/channels')).toBe('/en/channels');
    expect(localePath('ar', '/en/')).toBe('/');
  });

  it('does not mistake a page whose name starts with "en" for the English prefix', () => {
    expect(splitLocalePath('/enrol')).toEqual({ locale: 'ar', path: '/enrol' });
    expect(splitLocalePath('/en')).toEqual({ locale: 'en', path: '/' });
  });
});

describe('dirOf()', () => {
  it('writes Arabic right to left and English left to right', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('en')).toBe('ltr');
  });
});

describe('the islands’ translator and their strings', () => {
  it('picks only the strings an island is given, at build time', () => {
    const track = islandMessages('en', 'track');
    const keys = Object.keys(track);
    expect(keys).toContain('track.title');
    expect(keys).toContain('errors.track.reference_required');
    expect(keys.filter((key) => !/^(track|form|errors\.track)\./.test(key))).toEqual([]);
    expect(keys.length).toBeLessThan(Object.keys(messages.en).length / 4);
  });

  it('fills placeholders like t() and throws on a key it was not given, rather than showing it', () => {
    const t = translator(islandMessages('ar', 'staff'));
    expect(t('staff.queue.page', { page: 2, pages: 5 })).toBe(fill(messages.ar['staff.queue.page'], { page: 2, pages: 5 }));
    expect(t('staff.queue.page', { page: 2, pages: 5 })).toContain('2');
    expect(t.has('staff.loading')).toBe(true);
    expect(t.has('track.title')).toBe(false);
    // @ts-expect-error: the staff island's keys are typed, so another island's key fails the type check first.
    expect(() => t('track.title')).toThrow(/track\.title/);
  });
});
