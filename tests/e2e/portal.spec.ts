import { expect, test, type Page } from '@playwright/test';
import { readCollection } from '../support/content-files';
import { comparable, seedSentences } from '../support/policy-seed';
import { expectNoAxeViolations } from './support/axe';
import { builtHtml, builtPages } from './support/built-site';

// The public portal as a reader uses it, in Arabic first and in English.

const STATIC_PAGES = ['/', '/policy', '/channels', '/how-we-handle', '/staff-tools', '/privacy'];
const enPath = (path: string) => (path === '/' ? '/en/' : `/en${path}`);

test.describe('home page', () => {
  test('offers, in Arabic, ways to request support, follow it, rate the service and reach us', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('بوابة المستفيدين');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'تقديم طلب دعم' })).toHaveAttribute('href', '/request');
    await expect(main.getByRole('link', { name: 'متابعة طلب' })).toHaveAttribute('href', '/track');
    await expect(main.getByRole('link', { name: 'تقييم الخدمة' })).toHaveAttribute('href', '/survey');
    await expect(main.getByRole('link', { name: 'تواصل معنا' })).toHaveAttribute('href', '/channels');
    await expect(main).toContainText('لا تقل عن أسبوعين ولا تزيد على ستة أسابيع');
  });

  test('has the same offers in English under /en/', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Request support' })).toHaveAttribute('href', '/en/request');
    await expect(main.getByRole('link', { name: 'Track a request' })).toHaveAttribute('href', '/en/track');
    await expect(main.getByRole('link', { name: 'Rate our service' })).toHaveAttribute('href', '/en/survey');
  });

  test('lets a keyboard user skip straight to the content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'تخطَّ إلى المحتوى الرئيسي' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });
});

test.describe('navigation and language switch', () => {
  test('the header leads to every part of the portal', async ({ page }) => {
    await page.goto('/policy');
    const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
    for (const [name, href] of [
      ['تقديم طلب دعم', '/request'],
      ['متابعة طلب', '/track'],
      ['تقييم الخدمة', '/survey'],
      ['قنوات التواصل', '/channels'],
      ['السياسة', '/policy'],
      ['الأسئلة الشائعة', '/faq'],
    ]) {
      await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
    }
    await expect(nav.getByRole('link', { name: 'السياسة' })).toHaveAttribute('aria-current', 'page');
    await nav.getByRole('link', { name: 'قنوات التواصل' }).click();
    await expect(page).toHaveURL(/\/channels\/?$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('قنوات التواصل');
  });

  for (const path of [...STATIC_PAGES, '/faq']) {
    test(`switching language on ${path} lands on the same page in English and back`, async ({ page }) => {
      await page.goto(path);
      await page.getByRole('link', { name: 'English' }).click();
      await expect(page).toHaveURL(new RegExp(`${enPath(path).replace(/\/$/, '')}/?$`));
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
      await page.getByRole('link', { name: 'العربية' }).click();
      await expect(page).toHaveURL(new RegExp(`${path === '/' ? '' : path}/?$`));
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    });
  }

  test('the footer links to how we work, the documents, figures, privacy and staff sign-in', async ({ page }) => {
    await page.goto('/en/');
    const footer = page.getByRole('contentinfo');
    for (const [name, href] of [
      ['How we handle your request', '/en/how-we-handle'],
      ['Staff tools and documents', '/en/staff-tools'],
      ['Service figures', '/en/service-figures'],
      ['Privacy notice', '/en/privacy'],
      ['Staff sign-in', '/en/staff/'],
    ]) {
      await expect(footer.getByRole('link', { name })).toHaveAttribute('href', href);
    }
    await expect(footer.getByRole('link', { name: '9200 12345' })).toHaveAttribute('href', 'tel:920012345');
  });
});

test.describe('the policy', () => {
  test('shows every sentence of the association’s text, unaltered', async ({ page }) => {
    await page.goto('/policy');
    const text = comparable(await page.getByRole('main').innerText());
    const missing = seedSentences().filter((sentence) => !text.includes(sentence));
    expect(missing).toEqual([]);
  });

  test('has a table of contents whose links reach each section', async ({ page }) => {
    await page.goto('/policy');
    const toc = page.getByRole('navigation', { name: 'محتويات السياسة' });
    await expect(toc.getByRole('link')).toHaveCount(6);
    await toc.getByRole('link', { name: 'آليات التعامل مع المستفيد' }).click();
    await expect(page).toHaveURL(/#handling-mechanism$/);
    await expect(page.getByRole('heading', { level: 2, name: 'آليات التعامل مع المستفيد' })).toBeInViewport();
  });

  test('says when it was last updated, in Gregorian and Hijri', async ({ page }) => {
    await page.goto('/policy');
    const updated = page.getByRole('main').locator('time').first();
    await expect(updated).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    await expect(updated).toContainText('هـ');
  });

  test('numbers the detailed goals as the document does, with sub-points under goal 6', async ({ page }) => {
    await page.goto('/policy');
    const goals = page.locator('#detailed-goals .prose > ol > li');
    await expect(goals).toHaveCount(6);
    await expect(goals.nth(5).locator('ol > li')).toHaveCount(5);
    const style = await goals.nth(5).locator('ol').evaluate((ol) => getComputedStyle(ol).listStyleType);
    expect(style).toBe('policy-arabic-letters');
  });

  test('in English is marked as a translation of the authoritative Arabic text', async ({ page }) => {
    await page.goto('/en/policy');
    await expect(page.getByRole('note')).toContainText('The Arabic text is the authoritative version');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(7); // six sections and the contents
  });

  test('prints as a clean document: the text and where it came from, without the site around it', async ({ page }) => {
    await page.goto('/policy');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'القائمة الرئيسية' })).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByRole('link', { name: 'English' })).toBeHidden();
    await expect(page.getByText(/طُبعت من: https?:\/\/\S+\/policy/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'تمهيد' })).toBeVisible();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

test.describe('contact channels', () => {
  for (const locale of ['ar', 'en'] as const) {
    test(`shows all eight channels from content, with how to use each (${locale})`, async ({ page }) => {
      const channels = readCollection('channels').filter((c) => c.locale === locale);
      await page.goto(locale === 'ar' ? '/channels' : '/en/channels');
      const cards = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
      await expect(cards).toHaveCount(8);
      for (const channel of channels) {
        const card = cards.filter({ has: page.getByRole('heading', { level: 2, name: String(channel.data.title) }) });
        await expect(card).toContainText(String(channel.data.summary));
        await expect(card).toContainText(String(channel.data.how_to_use));
        if (channel.data.phone) await expect(card.locator(`a[href="tel:${channel.data.phone}"]`)).toBeVisible();
        if (channel.data.email) await expect(card.locator(`a[href="mailto:${channel.data.email}"]`)).toBeVisible();
        if (channel.data.hours) await expect(card).toContainText(String(channel.data.hours));
      }
    });
  }

  test('sends the website channel to the request form in the reader’s language', async ({ page }) => {
    await page.goto('/en/channels');
    await expect(page.locator('#website').getByRole('link', { name: 'Open the page' })).toHaveAttribute('href', '/en/request');
  });
});

test.describe('how we handle your request', () => {
  test('shows the seven steps as an ordered timeline and explains the decision window', async ({ page }) => {
    await page.goto('/how-we-handle');
    const steps = page.getByRole('main').getByRole('list').first().getByRole('listitem');
    await expect(steps).toHaveCount(7);
    await expect(steps.nth(0)).toContainText('استقبال المستفيد بلباقة واحترام');
    await expect(steps.nth(6)).toContainText('تقديم الخدمة اللازمة.');
    const window = page.getByRole('region', { name: 'متى يصلك الرد؟' });
    await expect(window).toContainText('أسبوعين (14 يومًا)');
    await expect(window).toContainText('ستة أسابيع (42 يومًا)');
    await expect(window).toContainText('15 مارس 2026');
    await expect(window).toContainText('12 أبريل 2026');
  });

  test('in English, gives the example dates of the window', async ({ page }) => {
    await page.goto('/en/how-we-handle');
    await expect(page.getByRole('main').getByRole('list').first().getByRole('listitem')).toHaveCount(7);
    await expect(page.getByRole('region', { name: 'When will you hear from us?' })).toContainText(
      'no sooner than 15 March 2026',
    );
  });
});

test.describe('staff tools', () => {
  for (const locale of ['ar', 'en'] as const) {
    test(`lists the three documents with a description and a file that downloads (${locale})`, async ({ page, request }) => {
      const documents = readCollection('documents').filter((d) => d.locale === locale);
      await page.goto(locale === 'ar' ? '/staff-tools' : '/en/staff-tools');
      for (const doc of documents) {
        const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: String(doc.data.title) }) });
        await expect(card).toContainText(String(doc.data.description));
        const link = card.getByRole('link', { name: new RegExp(String(doc.data.title)) });
        await expect(link).toHaveAttribute('href', String(doc.data.file));
        await expect(card).toContainText('PDF');
        const response = await request.get(String(doc.data.file));
        expect(response.ok()).toBe(true);
        expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
      }
    });
  }

  test('downloading a document saves the PDF', async ({ page }) => {
    await page.goto('/staff-tools');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /اللائحة الأساسية للجمعية/ }).click();
    expect((await download).suggestedFilename()).toBe('bylaws.pdf');
  });
});

test.describe('FAQ search', () => {
  const visibleQuestions = (page: Page) => page.locator('article[data-search]:visible h3');

  test('finds an Arabic answer with or without the definite article and diacritics', async ({ page }) => {
    await page.goto('/faq');
    const search = page.getByRole('searchbox', { name: 'ابحث في الأسئلة الشائعة' });
    for (const query of ['النتيجة', 'نتيجة', 'نَتِيجَة']) {
      await search.fill(query);
      await expect(visibleQuestions(page)).toHaveText(['متى أعرف نتيجة طلبي؟']);
      await expect(page.getByRole('status')).toHaveText('وُجدت إجابة واحدة.');
    }
    await expectNoAxeViolations(page);
  });

  test('says so when nothing matches, and shows everything again when cleared', async ({ page }) => {
    await page.goto('/faq');
    const all = await visibleQuestions(page).count();
    const search = page.getByRole('searchbox');
    await search.fill('زرافة');
    await expect(visibleQuestions(page)).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('لم نجد إجابة تطابق بحثك.');
    await expect(page.getByRole('link', { name: 'قنوات التواصل' }).last()).toBeVisible();
    await expectNoAxeViolations(page);
    await search.fill('');
    await expect(visibleQuestions(page)).toHaveCount(all);
  });

  test('searches the English answers too, and keeps the query in the address', async ({ page }) => {
    await page.goto('/en/faq');
    await page.getByRole('searchbox', { name: 'Search the FAQ' }).fill('reference number');
    await expect(visibleQuestions(page)).toContainText(['How do I follow my request?']);
    await expect(page).toHaveURL(/\?q=reference\+number$/);
    await page.reload();
    await expect(page.getByRole('searchbox')).toHaveValue('reference number');
    await expect(visibleQuestions(page)).toContainText(['How do I follow my request?']);
  });

  test('without JavaScript, shows every answer and no search box', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/faq');
    await expect(page.getByRole('searchbox')).toBeHidden();
    await expect(page.locator('article[data-search] h3')).toHaveCount(readCollection('faqs').filter((f) => f.locale === 'ar').length);
    await context.close();
  });
});

test.describe('static pages ship no JavaScript', () => {
  for (const path of [...STATIC_PAGES, ...STATIC_PAGES.map(enPath)]) {
    test(`${path} loads no script`, async ({ page }) => {
      const scripts: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(scripts).toEqual([]);
      await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
    });
  }

  test('the FAQ page has only its search script, served by the site itself', async ({ page, baseURL }) => {
    const requested: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && requested.push(r.url()));
    await page.goto('/faq');
    await page.waitForLoadState('networkidle');
    // Astro inlines a script this small into the page; if it grows it is served from /_astro/.
    await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(1);
    await expect(page.locator('script:not([type="application/ld+json"])')).toHaveAttribute('type', 'module');
    for (const url of requested) expect(url.startsWith(`${baseURL}/_astro/`)).toBe(true);
  });
});

test.describe('search engines and sharing', () => {
  test('each page names its canonical address, its other language and its Open Graph data', async ({ page }) => {
    await page.goto('/en/policy');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/en\/policy\/$/);
    await expect(page.locator('link[rel="alternate"][hreflang="ar"]')).toHaveAttribute('href', /[^n]\/policy\/$/);
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', /\/en\/policy\/$/);
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', /[^n]\/policy\/$/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Policy for organising/);
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'en_US');
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/og-image\.png$/);
    const image = await page.request.get('/og-image.png');
    expect(image.headers()['content-type']).toBe('image/png');
  });

  test('the home page describes the association as an Organization', async ({ page }) => {
    await page.goto('/');
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(data['@type']).toBe('NGO'); // schema.org: NGO is a kind of Organization
    expect(data.name).toBe('جمعية ارتقاء التعليمية');
    expect(data.contactPoint.telephone).toBe('920012345');
  });

  test('the FAQ page carries FAQPage data with every question and answer', async ({ page }) => {
    await page.goto('/en/faq');
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    const faqs = readCollection('faqs').filter((f) => f.locale === 'en');
    expect(data['@type']).toBe('FAQPage');
    expect(data.mainEntity).toHaveLength(faqs.length);
    expect(data.mainEntity.map((q: { name: string }) => q.name).sort()).toEqual(faqs.map((f) => String(f.data.question)).sort());
    expect(data.mainEntity[0].acceptedAnswer.text).not.toMatch(/\]\(/); // plain text, no Markdown
  });

  test('only the staff workspace, the private page, the stop-messages page, the error pages and the CMS are kept out of search engines', () => {
    // /track is a public service page people search for (issue 18): it must be indexable. The private
    // page (/r/) and the stop page (/stop/) are reached from a message's link only.
    const keptOut = /^\/(en\/)?(404|staff|admin|r|stop)(\/|\.html|$)/;
    const pages = builtPages();
    expect(pages).toContain('/track/');
    for (const path of pages) {
      const noindex = /<meta name="robots" content="[^"]*noindex/.test(builtHtml(path)!);
      expect(noindex, path).toBe(keptOut.test(path));
    }
  });

  test('robots.txt points to the sitemap and keeps the staff workspace out', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
    expect(robots).toContain('Disallow: /staff/');
  });

  test('the sitemap lists every public page in both languages, with alternates', async ({ request }) => {
    const index = await (await request.get('/sitemap-index.xml')).text();
    const sitemapPath = new URL(/<loc>([^<]+)<\/loc>/.exec(index)![1]!).pathname;
    const sitemap = await (await request.get(sitemapPath)).text();
    for (const path of [...STATIC_PAGES, '/faq']) {
      expect(sitemap).toContain(`${path === '/' ? '/' : `${path}/`}</loc>`);
      expect(sitemap).toContain(`/en${path === '/' ? '/' : `${path}/`}</loc>`);
    }
    expect(sitemap).toContain('hreflang="en"');
    expect(sitemap).not.toContain('404');
  });
});

test.describe('any screen, any reader', () => {
  for (const path of ['/', '/policy', '/channels', '/how-we-handle', '/faq', '/en/staff-tools']) {
    test(`${path} fits a 320 px wide screen without sideways scrolling`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('respects a reader who asks for reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/policy');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
  });

  test('shows where the keyboard focus is', async ({ page }) => {
    await page.goto('/channels');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
  });

  test('answers an unknown address with a helpful page in the reader’s language', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الصفحة غير موجودة');
    await expect(page.getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' })).toHaveAttribute('href', '/');
  });
});
