// Writes dist/_headers after the build: the CSP hashes the inline scripts the build actually
// emitted and limits connect-src to the Supabase URL this build talks to (PUBLIC_SUPABASE_URL).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHeadersFile, inlineScripts, scriptHash, sitePathsFor } from './site-headers.mjs';
import { ports } from '../../config/ports.mjs';

const LOCAL_SUPABASE_URL = 'http://127.0.0.1:54321';

async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

export default function securityHeaders() {
  return {
    name: 'irtiqaa-security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const site = new Set();
        const admin = new Set();
        const sitePaths = new Set();
        for await (const file of htmlFiles(root)) {
          const path = file.slice(root.length).replace(/^\/?/, '/');
          const isAdmin = path.startsWith('/admin/');
          if (!isAdmin) for (const rule of sitePathsFor(path)) sitePaths.add(rule);
          for (const script of inlineScripts(await readFile(file, 'utf8'))) (isAdmin ? admin : site).add(scriptHash(script));
        }
        const supabaseUrl = process.env.PUBLIC_SUPABASE_URL || LOCAL_SUPABASE_URL;
        const text = buildHeadersFile({
          supabaseUrl,
          sitePaths: [...sitePaths].sort(),
          siteScriptHashes: [...site],
          adminScriptHashes: [...admin],
          decapServerUrl: `http://127.0.0.1:${ports.decap}`,
        });
        await writeFile(join(root, '_headers'), text);
        logger.info(`_headers: ${site.size} site and ${admin.size} admin inline script hashes, connect-src ${new URL(supabaseUrl).origin}`);
      },
    },
  };
}
