// Asks V8 to compile each of the site's client scripts eagerly, on a background thread while the
// file streams in, rather than function by function on the main thread as they are first called.
// Hydrating an island calls most of React DOM and of the island's own code at once, and that
// first-call compiling was a good part of the long task the form pages had on a phone (issue 18;
// bench/pages). `//# allFunctionsCalledOnLoad` is V8's explicit compile hint (Chrome 136+); other
// engines read a comment. It must be the first line of the file, so it is added once the build
// is done (Vite's own last steps still prepend code to some chunks).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HINT = '//# allFunctionsCalledOnLoad\n';

export default function compileHints() {
  return {
    name: 'irtiqaa-compile-hints',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const assets = join(fileURLToPath(dir), '_astro');
        const scripts = (await readdir(assets).catch(() => [])).filter((name) => name.endsWith('.js'));
        for (const name of scripts) {
          const code = await readFile(join(assets, name), 'utf8');
          if (!code.startsWith(HINT)) await writeFile(join(assets, name), HINT + code);
        }
        logger.info(`compile hint on ${scripts.length} client scripts`);
      },
    },
  };
}
