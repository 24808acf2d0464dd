import type { Locale } from '../lib/locale';

/**
 * A number of weeks or days as a sentence says it. Arabic agrees the noun with the number: one
 * and two take the singular with "واحد" and the dual, written in the oblique case the strings use
 * it in (after a preposition: "خلال أسبوعين"); three to ten a plural, with a masculine noun's
 * number in its feminine form (ستة أسابيع); eleven to ninety-nine the singular accusative
 * (14 يومًا); whole hundreds the singular (100 يوم).
 */
type Unit = 'week' | 'day';

const ARABIC_FORMS: Record<Unit, { one: string; two: string; plural: string; accusative: string; singular: string }> = {
  week: { one: 'أسبوع واحد', two: 'أسبوعين', plural: 'أسابيع', accusative: 'أسبوعًا', singular: 'أسبوع' },
  day: { one: 'يوم واحد', two: 'يومين', plural: 'أيام', accusative: 'يومًا', singular: 'يوم' },
};
const ARABIC_WORDS = ['', '', '', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة'];
const ENGLISH_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function arabicCount(count: number, unit: Unit, inWords: boolean): string {
  const forms = ARABIC_FORMS[unit];
  if (count === 1) return forms.one;
  if (count === 2) return forms.two;
  const number = inWords && count <= 10 ? ARABIC_WORDS[count] : String(count);
  const lastTwo = count % 100;
  if (lastTwo >= 3 && lastTwo <= 10) return `${number} ${forms.plural}`;
  return `${number} ${lastTwo >= 11 ? forms.accusative : forms.singular}`;
}

function englishCount(count: number, unit: Unit, inWords: boolean): string {
  const number = inWords && count <= 10 ? ENGLISH_WORDS[count] : String(count);
  return `${number} ${unit}${count === 1 ? '' : 's'}`;
}

function countPhrase(locale: Locale, count: number, unit: Unit, inWords: boolean): string {
  if (!Number.isInteger(count) || count < 1) throw new Error(`Cannot say ${count} ${unit}s`);
  return locale === 'ar' ? arabicCount(count, unit, inWords) : englishCount(count, unit, inWords);
}

/** Weeks in words up to ten: "أسبوعين", "ستة أسابيع", "two weeks". */
export const weeksPhrase = (locale: Locale, weeks: number) => countPhrase(locale, weeks, 'week', true);

/** Days in digits: "14 يومًا", "42 days". */
export const daysPhrase = (locale: Locale, days: number) => countPhrase(locale, days, 'day', false);

/** A period given in days, said in whole weeks when it is some, otherwise in days. */
export const durationPhrase = (locale: Locale, days: number) => (days % 7 === 0 ? weeksPhrase(locale, days / 7) : daysPhrase(locale, days));
