// The local Edge Function runtime, in the role Supabase's edge runtime plays: one Deno process
// per function (its own module graph, import map and environment, as hosted isolates each
// function), started on its first call, listening on a private Unix socket that only the
// gateway reaches, and restarted by the supervisor if it dies. Errors answer as hosted does.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { supervise } from './supervise.mjs';
import { functionAuthRefusal } from './function-auth.mjs';
import { limitedBody } from './body-limit.mjs';
import { UNAVAILABLE, unavailableHeaders } from './unavailable.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const HOST_SCRIPT = path.join(here, 'deno', 'function-host.ts');
const READY = 'irtiqaa-function-host:ready';
const BOOT_TIMEOUT_MS = 30_000;
// Hosted cuts a request off when the function has not answered for 150 s.
const IDLE_TIMEOUT_MS = Number(process.env.IRTIQAA_FUNCTION_IDLE_TIMEOUT_MS ?? 150_000);

/** The platform's own answers: [status, sb-error-code, message]. */
export const FUNCTION_ERRORS = {
  notFound: [404, 'NOT_FOUND', 'Requested function was not found'],
  bootError: [503, 'BOOT_ERROR', 'Function failed to start (please check logs)'],
  workerError: [500, 'WORKER_ERROR', 'Function exited due to an error (please check logs)'],
  idleTimeout: [504, 'IDLE_TIMEOUT', `Request idle timeout limit (${IDLE_TIMEOUT_MS / 1000}s) reached`],
};

function denoBinary() {
  const variant = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}${process.platform === 'linux' ? '-glibc' : ''}`;
  const exe = process.platform === 'win32' ? 'deno.exe' : 'deno';
  try {
    return path.join(path.dirname(require.resolve(`@deno/${variant}/package.json`)), exe);
  } catch {
    return path.join(path.dirname(require.resolve('deno/package.json')), exe);
  }
}

class BootError extends Error {}
class Unavailable extends Error {}

function prefixLines(prefix, write) {
  let pending = '';
  return (chunk) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop();
    for (const line of lines) if (line !== READY) write(`${prefix} ${line}\n`);
  };
}

function startFunctionProcess(fn, { socketPath, env, log, onSpawn }) {
  return new Promise((resolve, reject) => {
    const args = [
      'run', '--node-modules-dir=manual', '--no-lock', '--no-prompt',
      ...(fn.denoConfig ? ['--config', fn.denoConfig] : []),
      // What a hosted function may do: network, its environment, read files, temp files. No subprocesses.
      '--allow-net', '--allow-env', '--allow-read', '--allow-sys', `--allow-write=${os.tmpdir()}`,
      HOST_SCRIPT, socketPath, pathToFileURL(fn.entry).href,
    ];
    const child = spawn(denoBinary(), args, { cwd: fn.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn(child);
    const handle = { child, socketPath, alive: true, exited: null };
    handle.exited = new Promise((r) => child.once('exit', (code, signal) => {
      handle.alive = false;
      r(signal ?? `exit ${code}`);
    }));
    let output = '';
    let ready = false;
    const forward = prefixLines(`[fn ${fn.name}]`, log);
    const collect = (chunk) => {
      if (!ready) {
        output = (output + chunk.toString()).slice(-8000);
        if (output.split('\n').includes(READY)) {
          ready = true;
          clearTimeout(timer);
          resolve(handle);
        }
      }
      forward(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => reject(new BootError(error.message)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new BootError(`did not listen within ${BOOT_TIMEOUT_MS / 1000} s`));
    }, BOOT_TIMEOUT_MS);
    handle.exited.then((how) => {
      clearTimeout(timer);
      if (!ready) reject(new BootError(`exited (${how}) before serving:\n${output.trim()}`));
    });
  });
}

/**
 * `functions`: Map from functions-config.mjs. `env`: the functions' environment (function-env.mjs).
 * Returns { functions, handle(req, res, url, cors), stop() }.
 */
export function createFunctionRuntime({ functions, env, socketPrefix, isStopping, log = (m) => process.stderr.write(m) }) {
  const processEnv = {
    ...env,
    PATH: process.env.PATH ?? '',
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    // Transpiled sources are cached beside the dependencies, so throw-away stacks start warm.
    DENO_DIR: path.join(here, '../../node_modules/.cache/deno'),
    DENO_NO_UPDATE_CHECK: '1',
    NO_COLOR: '1',
  };
  const states = new Map();
  // Every Deno process, running or still starting, so that stop() leaves none behind.
  const processes = new Set();
  const track = (child) => {
    processes.add(child);
    child.once('exit', () => processes.delete(child));
  };

  async function start(fn) {
    const socketPath = `${socketPrefix}-${fn.name}.sock`;
    await rm(socketPath, { force: true });
    return startFunctionProcess(fn, { socketPath, env: processEnv, log, onSpawn: track });
  }

  /** The running process of `name`, started now if it never ran; Unavailable while it restarts. */
  function running(fn) {
    let state = states.get(fn.name);
    if (!state) states.set(fn.name, (state = { handle: null, starting: null }));
    if (state.handle) {
      if (state.handle.alive) return Promise.resolve(state.handle);
      return Promise.reject(new Unavailable());
    }
    state.starting ??= start(fn)
      .then((handle) => {
        state.handle = handle;
        supervise({
          name: `Edge Function ${fn.name}`,
          handle,
          exited: (h) => h.exited,
          start: () => start(fn),
          onRestart: (h) => (state.handle = h),
          isStopping,
        });
        return handle;
      })
      .finally(() => (state.starting = null));
    return state.starting;
  }

  function platformError(res, [status, code, message], extra = {}) {
    res.writeHead(status, { 'content-type': 'application/json', 'sb-error-code': code, ...extra });
    res.end(JSON.stringify({ code, message }));
  }

  function proxy(req, res, handle, upstreamPath, cors) {
    const upstream = http.request(
      { socketPath: handle.socketPath, method: req.method, path: upstreamPath, headers: req.headers },
      (up) => {
        const headers = { ...up.headers };
        if ((up.statusCode ?? 500) >= 500) headers['sb-error-code'] ??= 'EDGE_FUNCTION_ERROR';
        res.writeHead(up.statusCode ?? 500, headers);
        up.pipe(res);
        up.on('error', () => res.destroy());
      },
    );
    let timedOut = false;
    upstream.setTimeout(IDLE_TIMEOUT_MS, () => {
      timedOut = true;
      upstream.destroy();
    });
    upstream.on('error', async (error) => {
      if (res.headersSent) return res.destroy();
      if (timedOut) return platformError(res, FUNCTION_ERRORS.idleTimeout, cors);
      // Nobody listening: the process is gone and the supervisor is bringing it back.
      const gone = error.code === 'ECONNREFUSED' || error.code === 'ENOENT';
      // Otherwise it died while answering (an uncaught error outside the handler): hosted's WORKER_ERROR.
      const died = !gone && (await Promise.race([handle.exited.then(() => true), new Promise((r) => setTimeout(r, 2000, false))]));
      if (died) return platformError(res, FUNCTION_ERRORS.workerError, cors);
      res.writeHead(503, { ...unavailableHeaders, ...cors }).end(JSON.stringify(UNAVAILABLE));
    });
    const body = limitedBody(req, res, cors, { onOverflow: () => upstream.destroy() });
    if (body) body.pipe(upstream);
    else upstream.destroy();
  }

  /** Handles /functions/v1/<name>[/<rest>]; the function sees the path /<name>[/<rest>], as hosted. */
  async function handle(req, res, url, cors) {
    const [, name = '', ...rest] = url.pathname.slice('/functions/v1'.length).split('/');
    const fn = functions.get(name);
    if (!fn) return platformError(res, FUNCTION_ERRORS.notFound, cors);
    if (fn.verifyJwt && req.method !== 'OPTIONS') {
      const refusal = functionAuthRefusal(req);
      if (refusal) return platformError(res, [refusal.status, refusal.code, refusal.message], cors);
    }
    let processHandle;
    try {
      processHandle = await running(fn);
    } catch (error) {
      req.resume();
      if (error instanceof Unavailable) return res.writeHead(503, { ...unavailableHeaders, ...cors }).end(JSON.stringify(UNAVAILABLE));
      log(`[functions] ${fn.name} failed to start (${error.message.split('\n')[0]}); its log is above.\n`);
      return platformError(res, FUNCTION_ERRORS.bootError, cors);
    }
    proxy(req, res, processHandle, `/${[name, ...rest].join('/')}${url.search}`, cors);
  }

  async function stop() {
    const children = [...processes];
    const exits = children.map((child) => new Promise((r) => child.once('exit', r)));
    for (const child of children) child.kill('SIGTERM');
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 3000))]);
    for (const child of processes) child.kill('SIGKILL');
    await Promise.all([...functions.keys()].map((n) => rm(`${socketPrefix}-${n}.sock`, { force: true })));
  }

  return { functions, handle, stop };
}
