// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import decapBundle from './src/cms/decap-bundle.mjs';

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
    decapBundle(),
    sitemap({
      i18n: { defaultLocale: 'ar', locales: { ar: 'ar-SA', en: 'en' } },
      filter: (page) => !new URL(page).pathname.startsWith('/admin'),
    }),
  ],
  server: { host: '127.0.0.1', port: 4321 + Number(process.env.IRTIQAA_PORT_OFFSET ?? 0) },
  preview: { host: '127.0.0.1', port: 4321 + Number(process.env.IRTIQAA_PORT_OFFSET ?? 0) },
});
