// Applies the platform shim (new databases only), the auth schema (every start: it is
// idempotent, so older data folders catch up) and the storage schema (where it is missing), then
// every migration not yet applied, in order, then the seed (new databases only): what
// `supabase start` does with a fresh project.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const supabaseDir = path.join(here, '..');
const migrationsDir = path.join(supabaseDir, 'migrations');

async function runFile(client, file) {
  const sql = await readFile(file, 'utf8');
  try {
    await client.query(sql);
  } catch (error) {
    const where = error.position ? ` near: ${sql.slice(Number(error.position) - 1, Number(error.position) + 80)}` : '';
    throw new Error(`${path.relative(process.cwd(), file)}: ${error.message}${where}`, { cause: error });
  }
}

/** What a hosted project already has before any migration: roles, `auth`, `storage`. */
export async function applyPlatform(client, { created }) {
  if (created) await runFile(client, path.join(here, 'shim.sql'));
  await runFile(client, path.join(here, 'auth-schema.sql'));
  // Storage came to the local stack later: a data folder made before it gets it on its next start.
  const { rows: [storage] } = await client.query("select to_regnamespace('storage') is not null as present");
  if (!storage.present) await runFile(client, path.join(here, 'shim-storage.sql'));
}

/**
 * `beforeMigrations`: SQL run after the shim (tests use it to imitate other platform defaults).
 * `upTo`: apply only migrations whose version is below it (tests of upgrading an older database).
 * @param {import('pg').Client} client
 * @param {{ created: boolean, seed?: boolean, beforeMigrations?: string, upTo?: string | null }} options
 */
export async function applyDatabase(client, { created, seed = true, beforeMigrations = '', upTo = null }) {
  await applyPlatform(client, { created });
  if (beforeMigrations) await client.query(beforeMigrations);
  const { rows } = await client.query('select version from supabase_migrations.schema_migrations');
  const applied = new Set(rows.map((r) => r.version));
  const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
  const fresh = [];
  for (const file of files) {
    const [version, ...name] = file.replace(/\.sql$/, '').split('_');
    if (applied.has(version) || (upTo && version >= upTo)) continue;
    await client.query('begin');
    try {
      await runFile(client, path.join(migrationsDir, file));
      await client.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [version, name.join('_')]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
    fresh.push(file);
  }
  if (created && seed) await runFile(client, path.join(supabaseDir, 'seed.sql'));
  // PostgREST caches the schema; tell it to reload after changes.
  if (fresh.length) await client.query("notify pgrst, 'reload schema'");
  return fresh;
}
