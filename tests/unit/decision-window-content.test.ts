import { describe, expect, it } from 'vitest';
import { DECISION_MAX_DAYS, DECISION_MIN_DAYS } from '../../src/lib/decision-window';
import { readCollection } from '../support/content-files';

// The policy states the decision window in words (handling step 5), and the FAQ repeats it; the
// site computes with DECISION_MIN_DAYS / DECISION_MAX_DAYS and the database with
// internal.decision_window() (tests/db/policy-parity.test.ts). This holds the words to the numbers.
const WEEKS: Record<'ar' | 'en', Record<number, string>> = {
  ar: { 1: 'أسبوع', 2: 'أسبوعين', 3: 'ثلاثة أسابيع', 4: 'أربعة أسابيع', 5: 'خمسة أسابيع', 6: 'ستة أسابيع', 7: 'سبعة أسابيع', 8: 'ثمانية أسابيع', 9: 'تسعة أسابيع', 10: 'عشرة أسابيع' },
  en: { 1: 'one week', 2: 'two weeks', 3: 'three weeks', 4: 'four weeks', 5: 'five weeks', 6: 'six weeks', 7: 'seven weeks', 8: 'eight weeks', 9: 'nine weeks', 10: 'ten weeks' },
};

function inWords(locale: 'ar' | 'en', days: number): string {
  const words = WEEKS[locale][days / 7];
  if (!words) throw new Error(`${days} days is not a whole number of weeks this test can spell`);
  return words;
}

// What each text says about the window: step 5 of the policy, and the FAQ's answer.
const statements = [
  ...readCollection('policy')
    .filter((f) => f.slug === 'handling-mechanism')
    .map((f) => ({ where: `${f.locale} policy, handling step 5`, locale: f.locale, text: /^5\. (.*)$/m.exec(f.body)?.[1] ?? '' })),
  ...readCollection('faqs')
    .filter((f) => f.slug === 'decision-time')
    .map((f) => ({ where: `${f.locale} FAQ "${String(f.data.question)}"`, locale: f.locale, text: f.body })),
];

describe('the decision window in the published text', () => {
  it('is stated in the policy and the FAQ in both languages', () => {
    expect(statements.map((s) => s.where)).toHaveLength(4);
    for (const { where, text } of statements) expect(text, where).not.toBe('');
  });

  it.each(statements)('$where: no sooner than DECISION_MIN_DAYS, no later than DECISION_MAX_DAYS', ({ locale, text }) => {
    const [soonest, latest] = [inWords(locale, DECISION_MIN_DAYS), inWords(locale, DECISION_MAX_DAYS)];
    // Soonest first, then latest, as the policy puts it.
    expect(text).toMatch(new RegExp(`${soonest}.+${latest}`, 'u'));
  });
});
