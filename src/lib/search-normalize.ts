import { toLatinDigits } from './digits';

// One normaliser for the FAQ search, used at build time (the index) and in the browser (the
// query), so both sides always agree. Arabic readers type with or without diacritics, hamza
// forms, taa marbuta and the definite article; all of these must find the same answer.

/** Prefixes that carry the definite article: ال and its forms after و ب ف ك ل. */
const ARTICLE_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال'] as const;

const LETTER_VARIANTS: Record<string, string> = {
  'ٱ': 'ا',
  'ى': 'ي',
  'ة': 'ه',
  'ک': 'ك',
  'ی': 'ي',
};

/** Lower case, no diacritics (Arabic tashkeel, Latin accents), unified letter forms, Latin digits. */
export function foldText(text: string): string {
  return toLatinDigits(text)
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '') // tashkeel, hamza above/below (أ إ آ ؤ ئ decompose to base + mark), accents
    .replace(/\u0640/g, '') // tatweel
    .replace(/[ٱىةکی]/g, (c) => LETTER_VARIANTS[c]!)
    .toLowerCase();
}

/** A word without its definite article (الطلب → طلب, وبالطلب stays unless a known prefix). */
export function stripArticle(word: string): string {
  for (const prefix of ARTICLE_PREFIXES) {
    const minRest = prefix === 'ال' ? 2 : 3;
    if (word.startsWith(prefix) && word.length - prefix.length >= minRest) return word.slice(prefix.length);
  }
  return word;
}

/** The searchable words of a text. */
export function searchTokens(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(stripArticle);
}

/** The form a document is stored in the index: its tokens joined by spaces. */
export function indexText(text: string): string {
  return searchTokens(text).join(' ');
}

/** True when every word of the query is found in the indexed text (as a word or part of one). */
export function matchesQuery(indexed: string, query: string): boolean {
  const words = searchTokens(query);
  return words.length > 0 && words.every((word) => indexed.includes(word));
}
