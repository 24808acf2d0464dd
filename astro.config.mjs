// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import decapBundle from './src/cms/decap-bundle.mjs';
import securityHeaders from './src/security/headers-integration.mjs';
import compileHints from './src/build/compile-hints.mjs';
import afterPaint from './src/build/after-paint.mjs';
import { privacyNoticeVersion } from './src/build/privacy-notice-version.mjs';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://irtiqaa.org.sa',
  output: 'static',
  trailingSlash: 'ignore',
  i18n: {
    locales: ['ar', 'en'],
    defaultLocale: 'ar',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    react(),
    afterPaint(),
    decapBundle(),
    securityHeaders(),
    compileHints(),
    sitemap({
      i18n: { defaultLocale: 'ar', locales: { ar: 'ar', en: 'en' } },
      // Error pages, the staff workspace, the CMS, the stop-messages page and the private request page are not for search engines.
      filter: (page) => !/\/(en\/)?(404|staff|admin|stop|r)(\/|$)/.test(new URL(page).pathname),
    }),
  ],
  // The version of content/privacy the site is built with: the request forms send it (see the module).
  vite: { define: { 'import.meta.env.PUBLIC_PRIVACY_NOTICE_VERSION': JSON.stringify(privacyNoticeVersion()) } },
  server: { host: '127.0.0.1', port: 4321 + Number(process.env.IRTIQAA_PORT_OFFSET ?? 0) },
});
