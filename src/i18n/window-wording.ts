import { DECISION_MAX_DAYS, DECISION_MIN_DAYS } from '../lib/decision-window';
import type { Locale } from '../lib/locale';
import { daysPhrase, durationPhrase } from './count-phrase';
import type { Params } from './translate';

/**
 * The decision window as the UI strings state it (docs/ARCHITECTURE.md, "The decision window").
 * A string that states it uses these placeholders instead of typing the numbers into its
 * sentence; they are filled in when the locale files load, so pages and islands read the same
 * words and a change to src/lib/decision-window.ts changes every sentence.
 */
export function windowParams(locale: Locale): Params {
  return {
    decisionFrom: durationPhrase(locale, DECISION_MIN_DAYS),
    decisionBy: durationPhrase(locale, DECISION_MAX_DAYS),
    decisionFromDays: daysPhrase(locale, DECISION_MIN_DAYS),
    decisionByDays: daysPhrase(locale, DECISION_MAX_DAYS),
  };
}

export const WINDOW_PLACEHOLDERS = Object.keys(windowParams('ar'));
