import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import arStrings from '../../src/i18n/ar.json';
import enStrings from '../../src/i18n/en.json';
import { daysPhrase, durationPhrase, weeksPhrase } from '../../src/i18n/count-phrase';
import { islandMessages, t } from '../../src/i18n';
import { placeholdersOf } from '../../src/i18n/translate';
import { WINDOW_PLACEHOLDERS, windowParams } from '../../src/i18n/window-wording';
import { DECISION_MAX_DAYS, DECISION_MIN_DAYS } from '../../src/lib/decision-window';
import type { Locale } from '../../src/lib/locale';
import { filesUnder, repoRoot } from '../support/source-files';

// The decision window (policy, handling step 5) is stated in one place, src/lib/decision-window.ts:
// the UI strings take it from placeholders, and the content pages that state it must agree.

describe('numbers of weeks and days as sentences say them', () => {
  it('agrees the Arabic noun with the number', () => {
    expect([1, 2, 3, 6, 10].map((n) => weeksPhrase('ar', n))).toEqual(['أسبوع واحد', 'أسبوعين', 'ثلاثة أسابيع', 'ستة أسابيع', 'عشرة أسابيع']);
    expect([11, 12].map((n) => weeksPhrase('ar', n))).toEqual(['11 أسبوعًا', '12 أسبوعًا']);
    expect([1, 2, 3, 10, 14, 42, 100, 103, 111].map((n) => daysPhrase('ar', n))).toEqual([
      'يوم واحد',
      'يومين',
      '3 أيام',
      '10 أيام',
      '14 يومًا',
      '42 يومًا',
      '100 يوم',
      '103 أيام',
      '111 يومًا',
    ]);
  });

  it('writes English weeks in words up to ten and days in digits', () => {
    expect([1, 2, 6, 12].map((n) => weeksPhrase('en', n))).toEqual(['one week', 'two weeks', 'six weeks', '12 weeks']);
    expect([1, 14].map((n) => daysPhrase('en', n))).toEqual(['1 day', '14 days']);
  });

  it('says a period in weeks when it is whole weeks, otherwise in days', () => {
    expect(durationPhrase('ar', 14)).toBe('أسبوعين');
    expect(durationPhrase('en', 42)).toBe('six weeks');
    expect(durationPhrase('ar', 10)).toBe('10 أيام');
  });

  it('refuses a count it cannot say', () => {
    expect(() => daysPhrase('en', 0)).toThrow();
    expect(() => weeksPhrase('ar', 1.5)).toThrow();
  });
});

const WEEKS_IN_WORDS = /weeks?\b|أسبوع|أسابيع/i;
const WINDOW_DAYS = new RegExp(`\\b(${DECISION_MIN_DAYS}|${DECISION_MAX_DAYS})\\b`);
const raw: Record<Locale, Record<string, string>> = { ar: arStrings, en: enStrings };

describe('UI strings that state the decision window', () => {
  it.each(['ar', 'en'] as const)('take it from placeholders in %s.json, never from words typed into the sentence', (locale) => {
    const typed = Object.entries(raw[locale]).filter(([, text]) => WEEKS_IN_WORDS.test(text) || WINDOW_DAYS.test(text));
    expect(typed.map(([key]) => key)).toEqual([]);
  });

  it('are the same strings in both languages', () => {
    const stating = (locale: Locale) =>
      Object.keys(raw[locale]).filter((key) => placeholdersOf(raw[locale][key]!).some((name) => WINDOW_PLACEHOLDERS.includes(name)));
    expect(stating('ar')).toContain('home.window.text');
    expect(stating('en')).toEqual(stating('ar'));
  });

  it('read the window of src/lib/decision-window.ts once loaded', () => {
    expect(t('ar', 'home.window.text')).toContain('لا تقل عن أسبوعين ولا تزيد على ستة أسابيع');
    expect(t('ar', 'handling.window.text')).toContain(`أسبوعين (${DECISION_MIN_DAYS} يومًا)`);
    expect(t('en', 'handling.window.text')).toContain(`never later than six weeks (${DECISION_MAX_DAYS} days)`);
    expect(islandMessages('en', 'request')['request.confirmation.decisionText']).toContain('no less than two weeks and no more than six weeks');
    expect(islandMessages('ar', 'staff')['staff.reports.decidedWithin']).toBe('القرارات الصادرة خلال ستة أسابيع');
    for (const locale of ['ar', 'en'] as const) {
      expect(Object.values(windowParams(locale)).every((phrase) => typeof phrase === 'string' && phrase !== '')).toBe(true);
    }
  });
});

describe('content pages that state the decision window', () => {
  // Week counts as the content writes them: a word or digits, then the noun (Arabic dual included).
  const WEEK_COUNTS: Record<Locale, RegExp> = {
    ar: /أسبوع واحد|أسبوعين|أسبوعان|\S+ أسابيع|\d+ أسبوعًا/g,
    en: /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+) weeks?\b/gi,
  };
  const statements = filesUnder('content', /\.(md|ya?ml)$/).flatMap((path) => {
    const locale: Locale = path.includes('/ar/') ? 'ar' : 'en';
    return [...readFileSync(join(repoRoot, path), 'utf8').matchAll(WEEK_COUNTS[locale])].map((m) => ({ locale, path, phrase: m[0] }));
  });

  it('are the handling mechanism of the policy and the FAQ on decision time, in both languages', () => {
    expect([...new Set(statements.map((s) => s.path))].sort()).toEqual([
      'content/faqs/ar/decision-time.md',
      'content/faqs/en/decision-time.md',
      'content/policy/ar/handling-mechanism.md',
      'content/policy/en/handling-mechanism.md',
    ]);
  });

  it('state only the window’s two ends, as src/lib/decision-window.ts has them', () => {
    const window = (locale: Locale) => [durationPhrase(locale, DECISION_MIN_DAYS), durationPhrase(locale, DECISION_MAX_DAYS)];
    const other = statements.filter((s) => !window(s.locale).includes(s.phrase.toLowerCase()));
    expect(other).toEqual([]);
    for (const path of new Set(statements.map((s) => s.path))) {
      const inFile = statements.filter((s) => s.path === path);
      expect(inFile.map((s) => s.phrase.toLowerCase())).toEqual(window(inFile[0]!.locale));
    }
  });
});
