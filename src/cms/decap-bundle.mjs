// Astro integration: copies the Decap CMS bundle from node_modules/decap-cms/dist into
// public/admin/decap/ (git-ignored) before the dev server starts or the build runs, so /admin/
// loads the CMS from the site itself, never from a CDN.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Only the runtime files: the main script, its lazily loaded chunks and wasm (no source maps). */
const isRuntimeFile = (name) => /(^|\.)decap-cms\.js$/.test(name) || name.endsWith('.wasm') || name === 'decap-cms.js.LICENSE.txt';

export function copyDecapBundle(publicDir) {
  const dist = join(dirname(require.resolve('decap-cms/package.json')), 'dist');
  const target = join(publicDir, 'admin', 'decap');
  if (existsSync(target)) rmSync(target, { recursive: true });
  mkdirSync(target, { recursive: true });
  const files = readdirSync(dist).filter(isRuntimeFile);
  for (const name of files) cpSync(join(dist, name), join(target, name));
  return files.length;
}

export default function decapBundle() {
  return {
    name: 'irtiqaa:decap-bundle',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const count = copyDecapBundle(fileURLToPath(config.publicDir));
        logger.info(`Decap CMS bundle copied to public/admin/decap/ (${count} files)`);
      },
    },
  };
}
