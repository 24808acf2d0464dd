// The local stand-in for pg_cron + pg_net: invokes Edge Functions through the gateway with the
// service_role key on their schedule (schedule.mjs), and at once when the database asks for it
// with `pg_notify('irtiqaa_wake_function', '<name>')` (the hosted migration calls net.http_post
// instead). A function is never called while its previous scheduled call is still running:
// calls asked for meanwhile fold into one that follows it.
import pg from 'pg';
import { LOCAL_SERVICE_ROLE_KEY } from './keys.mjs';

export const WAKE_CHANNEL = 'irtiqaa_wake_function';
// Wakes within this window (a burst of changes) become one call.
const WAKE_DEBOUNCE_MS = 100;
const CALL_TIMEOUT_MS = 160_000;

function createRunner(name, call, log) {
  let running = false;
  let again = null;
  let lastFailure = null;
  async function run(source) {
    if (running) {
      again ??= source;
      return;
    }
    running = true;
    try {
      const failure = await call(name, source).then((status) => (status < 300 ? null : `HTTP ${status}`), (e) => e.message);
      // One line when a job starts failing and one when it recovers, not one per tick.
      if (failure && failure !== lastFailure) log(`[scheduler] ${name} (${source}) failed: ${failure}`);
      if (!failure && lastFailure) log(`[scheduler] ${name} succeeds again.`);
      lastFailure = failure;
    } finally {
      running = false;
      if (again) {
        const next = again;
        again = null;
        run(next);
      }
    }
  }
  let wakeTimer = null;
  const wake = () => {
    wakeTimer ??= setTimeout(() => {
      wakeTimer = null;
      run('wake');
    }, WAKE_DEBOUNCE_MS);
  };
  return { run, wake, cancel: () => clearTimeout(wakeTimer) };
}

/** POSTs to /functions/v1/<name> as pg_net would; resolves to the HTTP status. */
function invoker(apiUrl) {
  return async (name, source) => {
    const res = await fetch(`${apiUrl}/functions/v1/${name}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}`,
        apikey: LOCAL_SERVICE_ROLE_KEY,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ source }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    return res.status;
  };
}

/** Keeps one LISTEN connection open, reconnecting (with back-off) while the database restarts. */
function listenForWakes(connectionString, onWake, isStopping) {
  let client = null;
  let delay = 100;
  const connect = async () => {
    if (isStopping()) return;
    client = new pg.Client({ connectionString });
    client.on('error', () => {});
    client.on('end', () => {
      if (!isStopping()) setTimeout(connect, delay);
    });
    client.on('notification', (msg) => onWake(msg.payload ?? ''));
    try {
      await client.connect();
      await client.query(`listen ${WAKE_CHANNEL}`);
      delay = 100;
    } catch {
      delay = Math.min(delay * 2, 5000);
      client.end().catch(() => {});
    }
  };
  connect();
  return () => client?.end().catch(() => {});
}

/**
 * `jobs`: [{ function, everySeconds }]; `functions`: the names that exist (others are ignored,
 * with one line). Returns stop().
 */
export function startScheduler({ apiUrl, connectionString, jobs, functions, isStopping, log = (m) => console.error(m) }) {
  const call = invoker(apiUrl);
  const runners = new Map();
  const runnerFor = (name) => {
    if (!runners.has(name)) runners.set(name, createRunner(name, call, log));
    return runners.get(name);
  };
  const timers = [];
  for (const job of jobs) {
    if (!functions.has(job.function)) {
      log(`[scheduler] no Edge Function named ${job.function}: its schedule is skipped.`);
      continue;
    }
    const runner = runnerFor(job.function);
    timers.push(setInterval(() => runner.run('schedule'), job.everySeconds * 1000));
  }
  const stopListening = listenForWakes(
    connectionString,
    (name) => {
      if (functions.has(name)) runnerFor(name).wake();
      else log(`[scheduler] ${WAKE_CHANNEL}: no Edge Function named ${JSON.stringify(name)}.`);
    },
    isStopping,
  );
  return () => {
    for (const t of timers) clearInterval(t);
    for (const r of runners.values()) r.cancel();
    return stopListening();
  };
}
