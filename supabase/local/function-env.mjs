// The environment of an Edge Function process, as hosted Supabase gives it: the project's URL,
// keys and database URL, then the local secrets (function-secrets.mjs), then the developer's
// optional `supabase/functions/.env` (git-ignored), read as `supabase functions serve` reads it.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from './keys.mjs';
import { LOCAL_FUNCTION_SECRETS } from './function-secrets.mjs';

/** Names a project secret may not take: the platform sets them (the CLI refuses them too). */
const RESERVED = /^SUPABASE_/;

/** The variables of an env file, without the reserved ones (each skipped name is reported). */
export function readEnvFile(file, warn = (m) => console.error(m)) {
  if (!file || !existsSync(file)) return {};
  const parsed = parseDotenv(readFileSync(file));
  for (const name of Object.keys(parsed)) {
    if (RESERVED.test(name)) {
      warn(`[functions] ${file}: ${name} is set by the platform and was ignored (names may not start with SUPABASE_).`);
      delete parsed[name];
    }
  }
  return parsed;
}

export function functionEnv({ apiUrl, dbUrl, envFiles = [] }) {
  return {
    ...LOCAL_FUNCTION_SECRETS,
    ...Object.assign({}, ...envFiles.map((f) => readEnvFile(f))),
    SUPABASE_URL: apiUrl,
    SUPABASE_ANON_KEY: LOCAL_ANON_KEY,
    SUPABASE_SERVICE_ROLE_KEY: LOCAL_SERVICE_ROLE_KEY,
    SUPABASE_DB_URL: dbUrl,
  };
}
