import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { markdownToPlainText } from '../../src/lib/markdown-text';
import { POLICY_SECTION_SLUGS } from '../../src/schemas/content';
import { readCollection, repoRoot } from '../support/content-files';
import { SEED_FILE_NAME, comparable, seedFixturePath, seedSentences } from '../support/policy-seed';

// The published policy must be the association's text, word for word (issue: "every sentence of
// the seed appears on the site, unaltered apart from whitespace and digit style"). The e2e suite
// checks the rendered /policy page the same way.

const sharedSeed = [process.env.SHARED_DIR, join(repoRoot, '..', 'shared')]
  .filter((dir): dir is string => !!dir)
  .map((dir) => join(dir, 'seed', SEED_FILE_NAME))
  .find((file) => existsSync(file));

describe('the policy seed', () => {
  it.runIf(sharedSeed)('fixture is a verbatim copy of the shared seed', () => {
    expect(readFileSync(seedFixturePath, 'utf8')).toBe(readFileSync(sharedSeed!, 'utf8'));
  });

  it('splits into the sentences of every part of the policy', () => {
    const sentences = seedSentences();
    expect(sentences.length).toBeGreaterThan(40);
    expect(sentences).toContain('تمهيد');
    expect(sentences).toContain('تقديم الخدمة اللازمة.');
    expect(sentences).toContain('نشر ثقافة جودة الخدمة بين جميع الأقسام التي تقدم خدماتها للمستفيد الداخلي أو الخارجي.');
  });
});

describe('the Arabic policy content', () => {
  const sections = readCollection('policy')
    .filter((file) => file.locale === 'ar')
    .sort((a, b) => Number(a.data.order) - Number(b.data.order));
  const published = comparable(
    [t('ar', 'policy.title'), ...sections.flatMap((s) => [String(s.data.title), markdownToPlainText(s.body)])].join('\n'),
  );

  it('has the six sections of the policy, in its order', () => {
    expect(sections.map((s) => s.slug)).toEqual([...POLICY_SECTION_SLUGS]);
  });

  it.each(seedSentences().map((sentence, i) => [i + 1, sentence]))('contains seed sentence %i unaltered: %s', (_, sentence) => {
    expect(published).toContain(sentence);
  });

  it('would notice a changed word', () => {
    const altered = published.replace('بلباقة واحترام', 'بلباقة');
    expect(seedSentences().every((s) => altered.includes(s))).toBe(false);
  });
});
