// Keeps src/i18n/<locale>.json sorted by key (several engineers add keys; sorted files merge cleanly).
// Usage: node scripts/i18n/sort-locales.mjs
import { readFileSync, writeFileSync } from 'node:fs';

for (const locale of ['ar', 'en']) {
  const file = new URL(`../../src/i18n/${locale}.json`, import.meta.url);
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  const sorted = Object.fromEntries(Object.keys(messages).sort().map((k) => [k, messages[k]]));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
}
