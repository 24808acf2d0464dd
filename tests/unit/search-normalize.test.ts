import { describe, expect, it } from 'vitest';
import { foldText, indexText, matchesQuery, stripArticle } from '../../src/lib/search-normalize';
import { markdownToPlainText } from '../../src/lib/markdown-text';
import { t } from '../../src/i18n';
import { readCollection } from '../support/content-files';

describe('Arabic search normalisation', () => {
  it('ignores diacritics and tatweel', () => {
    expect(foldText('الطَّلَبُ')).toBe(foldText('الطلب'));
    expect(foldText('طـــلب')).toBe('طلب');
  });

  it('treats hamza forms, alef maqsura and taa marbuta as their plain letters', () => {
    expect(foldText('أسئلة')).toBe(foldText('اسئله'));
    expect(foldText('إجابة')).toBe(foldText('اجابه'));
    expect(foldText('آخر')).toBe('اخر');
    expect(foldText('مسؤول')).toBe(foldText('مسوول'));
    expect(foldText('على')).toBe(foldText('علي'));
  });

  it('reads Arabic-Indic and Persian digits as Latin digits', () => {
    expect(foldText('٦ أسابيع')).toBe(foldText('6 اسابيع'));
    expect(foldText('۴')).toBe('4');
  });

  it('drops the definite article and its prefixed forms, but not from short words', () => {
    expect(stripArticle('الطلب')).toBe('طلب');
    expect(stripArticle('والطلب')).toBe('طلب');
    expect(stripArticle('بالهاتف')).toBe('هاتف');
    expect(stripArticle('للمستفيد')).toBe('مستفيد');
    expect(stripArticle('الى')).toBe('الى');
    expect(stripArticle('طلب')).toBe('طلب');
  });

  it('finds an answer whether or not the query has the article or diacritics', () => {
    const indexed = indexText('متى أعرف نتيجة طلبي؟ نرد عليك خلال مدة لا تزيد على ستة أسابيع.');
    for (const query of ['النتيجة', 'نتيجة', 'نَتِيجَة', 'الأسابيع', 'اسابيع', 'طلب', 'الطلب', '  ستة   أسابيع ']) {
      expect(matchesQuery(indexed, query), query).toBe(true);
    }
    expect(matchesQuery(indexed, 'الخصوصية')).toBe(false);
    expect(matchesQuery(indexed, '')).toBe(false);
  });

  it('needs every word of the query to match', () => {
    const indexed = indexText('How do I follow my request?');
    expect(matchesQuery(indexed, 'follow REQUEST')).toBe(true);
    expect(matchesQuery(indexed, 'follow survey')).toBe(false);
  });

  it('folds Latin accents and case in English', () => {
    expect(matchesQuery(indexText('Café résumé'), 'cafe RESUME')).toBe(true);
  });
});

describe('searching the real FAQ', () => {
  const faqs = (locale: 'ar' | 'en') =>
    readCollection('faqs')
      .filter((f) => f.locale === locale)
      .map((f) => ({ slug: f.slug, indexed: indexText(`${f.data.question} ${markdownToPlainText(f.body)}`) }));
  const search = (locale: 'ar' | 'en', query: string) => faqs(locale).filter((f) => matchesQuery(f.indexed, query)).map((f) => f.slug);

  it('finds the decision time with or without the article', () => {
    expect(search('ar', 'نتيجة طلبي')).toContain('decision-time');
    expect(search('ar', 'النتيجة')).toContain('decision-time');
    expect(search('ar', 'الأسابيع')).toContain('decision-time');
  });

  it('finds how to track a request by its reference number', () => {
    expect(search('ar', 'الرقم المرجعي')).toContain('track-request');
    expect(search('en', 'reference number')).toContain('track-request');
  });

  it.each(['ar', 'en'] as const)('finds the decision time with the example the search box suggests (%s)', (locale) => {
    const example = t(locale, 'faq.search.hint').split(':').pop()!.trim();
    expect(search(locale, example)).toContain('decision-time');
  });

  it('finds the privacy answer typed without hamza', () => {
    expect(search('ar', 'بياناتي الشخصيه')).toContain('data-use');
  });
});
