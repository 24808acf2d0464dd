// The local stack's life cycle, on ports of its own (offset + 500) beside the suite's stack.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { portsFor } from '../../config/ports.mjs';
import { alive } from '../support/processes';

const offset = Number(process.env.IRTIQAA_PORT_OFFSET ?? 0) + 500;
const ownPorts = portsFor(offset);
const api = `http://127.0.0.1:${ownPorts.api}`;
const dbUrl = `postgres://postgres:postgres@127.0.0.1:${ownPorts.db}/postgres`;
const env = { ...process.env, IRTIQAA_PORT_OFFSET: String(offset) };

// Every stack a test starts, so that one which times out cannot hold the ports for the next test.
const started: ReturnType<typeof spawn>[] = [];
// Each test starts real stacks (up to three durable ones, each seeded): on a loaded machine that
// takes far longer than the suite's default 20 s per test.
const LIFE_CYCLE_TIMEOUT_MS = 120_000;

function start(args: string[], at = offset) {
  const health = `http://127.0.0.1:${portsFor(at).api}/health`;
  const child = spawn(process.execPath, ['supabase/local/stack.mjs', ...args], { env: { ...env, IRTIQAA_PORT_OFFSET: String(at) }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = (async () => {
    for (;;) {
      if (child.exitCode !== null) return false;
      if (output.includes('is running') && (await fetch(health).then((r) => r.ok, () => false))) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return { child, ready, exited, output: () => output };
}
type Stack = ReturnType<typeof start>;

async function stop(stack: Stack) {
  stack.child.kill('SIGTERM');
  return stack.exited;
}
const childPids = (pid: number) =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map(Number).filter(Boolean);
async function query<T>(sql: string): Promise<T[]> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    return (await db.query(sql)).rows;
  } finally {
    await db.end();
  }
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'irtiqaa-stack-test-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));
afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

describe('the local stack', { timeout: LIFE_CYCLE_TIMEOUT_MS }, () => {
  it('prints the URL and both keys, opens only the gateway, and SIGTERM leaves no postgres, no postgrest and no temp data behind', async () => {
    const stack = start(['--ephemeral']);
    expect(await stack.ready).toBe(true);
    const { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } = await import('../../supabase/local/keys.mjs');
    expect(stack.output()).toContain(api);
    expect(stack.output()).toContain(`${api}/functions/v1`);
    expect(stack.output()).toContain(`${api}/storage/v1`);
    expect(stack.output()).toContain(`http://127.0.0.1:${ownPorts.inbox}`);
    expect(stack.output()).toContain(LOCAL_ANON_KEY);
    expect(stack.output()).toContain(LOCAL_SERVICE_ROLE_KEY);
    const tempDir = /ephemeral data in (\S+),/.exec(stack.output())![1];
    expect(existsSync(tempDir)).toBe(true);
    // Only the gateway is reachable over TCP: PostgREST listens on a private Unix socket.
    await expect(fetch(`http://127.0.0.1:${ownPorts.postgrest}/`)).rejects.toThrow();
    // PostgreSQL, PostgREST, and the mail inbox once asked for (it and Edge Functions start on first use).
    expect((await fetch(`http://127.0.0.1:${ownPorts.inbox}/api/healthz`)).ok).toBe(true);
    const children = childPids(stack.child.pid!);
    expect(children.length).toBeGreaterThanOrEqual(3);

    await stop(stack);
    await new Promise((r) => setTimeout(r, 200));
    expect(children.filter(alive)).toEqual([]);
    expect(existsSync(tempDir)).toBe(false);
  });

  it('refuses a second start on the same ports with a clear message', async () => {
    const first = start(['--ephemeral']);
    expect(await first.ready).toBe(true);
    const second = start(['--ephemeral']);
    const code = await second.exited;
    await stop(first);
    expect(code).not.toBe(0);
    expect(second.output()).toMatch(/Port \d+ \(API gateway\) is already in use/);
    expect(second.output()).toContain('IRTIQAA_PORT_OFFSET');
  });

  it('waits for a port an outgoing connection holds (the kernel lends ports in our range), then starts', async () => {
    // An outgoing connection gets a port the kernel picks; a stack whose database port is that one.
    const server = net.createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = net.connect({ port: (server.address() as net.AddressInfo).port, host: '127.0.0.1' });
    const [accepted] = (await Promise.all([once(server, 'connection'), once(client, 'connect')]))[0] as [net.Socket];
    const held = client.localPort!;
    const stack = start(['--ephemeral'], held - portsFor(0).db);
    // Longer than the stack's old 3 s grace; the server side closes first, so the client's port is
    // free at once (the TIME_WAIT stays on the server's side).
    await new Promise((r) => setTimeout(r, 4_000));
    expect(stack.child.exitCode).toBeNull();
    accepted.destroy();
    await once(client, 'end');
    client.destroy();
    server.close();
    expect(await stack.ready).toBe(true);
    expect(stack.output()).toContain(`Port ${held} is held by a connection`);
    await stop(stack);
  });

  it('keeps its data between starts, and --reset starts clean with the seed', async () => {
    const first = start(['--data', dataDir]);
    expect(await first.ready).toBe(true);
    expect(first.output()).toContain('freshly seeded');
    await query(`select public.submit_support_request('Kept Between', '1000000008', '0551110099', '', 'Riyadh', 'student',
      'tutoring', 'A request that must survive a restart of the stack', 'phone', 'en', true, true, 'v', gen_random_uuid())`);
    await stop(first);

    const warm = start(['--data', dataDir]);
    expect(await warm.ready).toBe(true);
    expect(warm.output()).not.toContain('freshly seeded');
    expect(await query(`select full_name from public.support_requests where full_name = 'Kept Between'`)).toHaveLength(1);
    await stop(warm);

    const reset = start(['--data', dataDir, '--reset']);
    expect(await reset.ready).toBe(true);
    expect(reset.output()).toContain('freshly seeded');
    expect(await query(`select full_name from public.support_requests where full_name = 'Kept Between'`)).toHaveLength(0);
    expect(await query(`select 1 from public.staff`)).toHaveLength(5);
    await stop(reset);
  });

  it('a data folder from before the Storage subset gets the storage schema on its next start, its data kept', async () => {
    const first = start(['--data', dataDir, '--reset']);
    expect(await first.ready).toBe(true);
    await query(`drop schema storage cascade`);
    await stop(first);

    const next = start(['--data', dataDir]);
    expect(await next.ready).toBe(true);
    expect(await query(`select to_regclass('storage.objects') is not null as present`)).toEqual([{ present: true }]);
    expect(await query(`select 1 from public.staff`)).toHaveLength(5);
    await stop(next);
  });
});
