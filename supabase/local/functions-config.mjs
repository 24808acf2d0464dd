// Which Edge Functions a functions folder holds and how each is declared, read the way the
// Supabase CLI reads them: `<dir>/<name>/index.ts` (or the `entrypoint` of `[functions.<name>]`),
// `verify_jwt` from `config.toml` (default true), folders starting with `_` (shared code) or `.` skipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';

/** Hosted function names: letters, digits, `-` and `_`, starting with a letter. */
export const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function declarations(configFile) {
  if (!existsSync(configFile)) return {};
  return parseToml(readFileSync(configFile, 'utf8')).functions ?? {};
}

/**
 * Returns Map name -> { name, dir, entry, verifyJwt, denoConfig }. `dirs`: [{ functionsDir, configFile }],
 * later folders add to (never replace) earlier ones.
 */
export function discoverFunctions(dirs) {
  const found = new Map();
  for (const { functionsDir, configFile } of dirs) {
    if (!existsSync(functionsDir)) continue;
    const declared = declarations(configFile);
    for (const entry of readdirSync(functionsDir, { withFileTypes: true })) {
      const name = entry.name;
      if (!entry.isDirectory() || !FUNCTION_NAME.test(name) || found.has(name)) continue;
      const settings = declared[name] ?? {};
      if (settings.enabled === false) continue;
      const dir = path.join(functionsDir, name);
      const file = path.resolve(dir, settings.entrypoint ?? 'index.ts');
      if (!existsSync(file)) continue;
      const denoConfig = ['deno.json', 'deno.jsonc'].map((f) => path.join(dir, f)).find((f) => existsSync(f)) ?? null;
      found.set(name, { name, dir, entry: file, verifyJwt: settings.verify_jwt !== false, denoConfig });
    }
  }
  return found;
}
