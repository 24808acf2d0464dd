import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import compileHints, { HINT } from '../../src/build/compile-hints.mjs';

// The built client scripts start with V8's compile hint (issue 18), once, and nothing else changes.
describe('the compile hint on the client scripts', () => {
  it('is the first line of every script in _astro/, once, whatever Vite put first', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'irtiqaa-hints-'));
    mkdirSync(join(dist, '_astro'));
    const scripts = { 'a.js': 'import{t}from"./b.js";t();', 'b.js': 'const __vite__mapDeps=()=>[];export const t=()=>1;' };
    for (const [name, code] of Object.entries(scripts)) writeFileSync(join(dist, '_astro', name), code);
    writeFileSync(join(dist, '_astro', 'site.css'), 'body{}');
    const hook = compileHints().hooks['astro:build:done'];
    const logger = { info: () => {} };
    await hook({ dir: pathToFileURL(`${dist}/`), logger });
    await hook({ dir: pathToFileURL(`${dist}/`), logger });
    for (const [name, code] of Object.entries(scripts)) expect(readFileSync(join(dist, '_astro', name), 'utf8')).toBe(`${HINT}${code}`);
    expect(readFileSync(join(dist, '_astro', 'site.css'), 'utf8')).toBe('body{}');
    expect(HINT).toBe('//# allFunctionsCalledOnLoad\n');
  });
});
