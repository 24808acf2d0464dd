// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';

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
    sitemap({ i18n: { defaultLocale: 'ar', locales: { ar: 'ar-SA', en: 'en' } } }),
  ],
  server: { host: '127.0.0.1', port: 4321 + Number(process.env.IRTIQAA_PORT_OFFSET ?? 0) },
  preview: { host: '127.0.0.1', port: 4321 + Number(process.env.IRTIQAA_PORT_OFFSET ?? 0) },
});
