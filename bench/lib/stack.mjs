// Starts a stack of its own (its own port offset, its own durable data folder) for benchmarks
// and fault tests, and finds its PostgreSQL / PostgREST processes so they can be killed.
import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { portsFor } from '../../config/ports.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `durable` (default): data in a fresh temp folder with fsync and synchronous_commit on, so a
 * SIGKILLed postmaster cannot lose an acknowledged commit. Otherwise `--ephemeral` (fast).
 * `keepIn`: a data folder kept between runs instead (durable; migrations new since the last run
 * are applied on start, nothing is removed on stop).
 * `args`: more arguments for stack.mjs (`--functions <dir>`, ...).
 * @param {{ offset: number, durable?: boolean, keepIn?: string, env?: Record<string, string>, args?: string[] }} options
 */
export async function startOwnStack({ offset, durable = true, keepIn, env = {}, args: extraArgs = [] }) {
  const dataRoot = !keepIn && durable ? await mkdtemp(path.join(os.tmpdir(), 'irtiqaa-faults-')) : null;
  if (dataRoot) await chmod(dataRoot, 0o755);
  const args = keepIn ? ['--data', path.resolve(keepIn)] : durable ? ['--data', dataRoot, '--reset'] : ['--ephemeral'];
  const child = spawn(process.execPath, ['supabase/local/stack.mjs', ...args, ...extraArgs], {
    cwd: root,
    env: { ...process.env, ...env, IRTIQAA_PORT_OFFSET: String(offset) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (c) => (log += c));
  child.stderr.on('data', (c) => (log += c));
  const { api, db, inbox } = portsFor(offset);
  const apiUrl = `http://127.0.0.1:${api}`;
  const dbUrl = `postgres://postgres:postgres@127.0.0.1:${db}/postgres`;
  const health = () => fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(3000) }).then((r) => r.status, () => 0);
  const deadline = Date.now() + 120_000;
  while ((await health()) !== 200) {
    if (child.exitCode !== null) throw new Error(`The stack exited (${child.exitCode}):\n${log}`);
    if (Date.now() > deadline) throw new Error(`The stack did not become healthy:\n${log}`);
    await sleep(100);
  }

  /** The stack's direct children: [{ pid, comm, args }]. */
  const children = () =>
    execFileSync('ps', ['-o', 'pid=,comm=,args=', '--ppid', String(child.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(l))
      .filter(Boolean)
      .map(([, pid, comm, cmd]) => ({ pid: Number(pid), comm, args: cmd }));

  /** The pid of the stack's direct child whose command is `name` ('postgres' or 'postgrest'), or whose arguments contain `argument`. */
  const childPid = (name, argument = '') => {
    const isNamed = (c) => c.comm === name || path.basename(c.args.split(' ')[0]) === name;
    const found = children().find((c) => isNamed(c) && c.args.includes(argument));
    if (!found) throw new Error(`no ${name} ${argument} process under the stack (${JSON.stringify(children())})`);
    return found.pid;
  };

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
  }

  return { apiUrl, dbUrl, inboxUrl: `http://127.0.0.1:${inbox}`, child, childPid, health, log: () => log, stop };
}
