import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/content-files';

// The fonts are subset (scripts/fonts/subset-fonts.mjs) to stay within the byte budget; every
// character our own text uses must still be in a subset, or it would show in a fallback font.
const css = readFileSync(join(repoRoot, 'src', 'styles', 'fonts.css'), 'utf8');
const ranges = [...css.matchAll(/unicode-range:\s*([^;]+);/g)]
  .flatMap((m) => m[1]!.split(','))
  .map((r) => r.trim().replace(/^U\+/, '').split('-').map((hex) => parseInt(hex, 16)))
  .map(([from, to]) => [from!, to ?? from!] as const);
const covered = (codePoint: number) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('font subsets', () => {
  it('declare the Arabic and Latin subsets in two weights', () => {
    expect(css.match(/@font-face/g)).toHaveLength(4);
    expect(covered('ع'.codePointAt(0)!)).toBe(true);
    expect(covered('Q'.codePointAt(0)!)).toBe(true);
  });

  it('cover every character of the content and the UI strings', () => {
    const texts = [
      ...filesUnder(join(repoRoot, 'content')),
      join(repoRoot, 'src', 'i18n', 'ar.json'),
      join(repoRoot, 'src', 'i18n', 'en.json'),
    ].map((file) => readFileSync(file, 'utf8'));
    const missing = new Set<string>();
    for (const text of texts) {
      for (const char of text) {
        const cp = char.codePointAt(0)!;
        if (cp < 0x20 || /\s/.test(char)) continue;
        if (!covered(cp)) missing.add(`${char} U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('fit the budget of 100 KB of woff2 in all', () => {
    const dir = join(repoRoot, 'src', 'assets', 'fonts');
    const total = readdirSync(dir)
      .filter((f) => f.endsWith('.woff2'))
      .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(100 * 1024);
  });
});
