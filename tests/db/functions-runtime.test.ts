// The Edge Function runtime, scheduler and mail inbox of the local stack, on a stack of its own
// that also serves the fixture functions (tests/fixtures/functions). Calls go through the
// gateway with the unmodified supabase-js `functions.invoke()` or plain fetch, and must get
// what hosted Supabase answers: the same JWT rule, statuses, bodies and `sb-error-code`s.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, FunctionsHttpError } from '@supabase/supabase-js';
import pg from 'pg';
import { startOwnStack } from '../../bench/lib/stack.mjs';
import { portsFor } from '../../config/ports.mjs';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY, signJwt } from '../../supabase/local/keys.mjs';
import { inboxMessages, smsAddress, waitForMessage } from '../support/inbox';
import { alive } from '../support/processes';

type OwnStack = Awaited<ReturnType<typeof startOwnStack>>;
const offset = Number(process.env.IRTIQAA_PORT_OFFSET ?? 0) + 60;
let stack: OwnStack;
let envDir: string;

beforeAll(async () => {
  envDir = await mkdtemp(path.join(os.tmpdir(), 'irtiqaa-fn-env-'));
  const envFile = path.join(envDir, 'functions.env');
  // SUPABASE_* are the platform's: an env file cannot override them.
  await writeFile(envFile, 'FIXTURE_SECRET=from-the-env-file\nSUPABASE_URL=http://not-the-gateway.invalid\n');
  stack = await startOwnStack({
    offset,
    durable: false,
    env: { IRTIQAA_FUNCTION_IDLE_TIMEOUT_MS: '4000' },
    args: ['--functions', 'tests/fixtures/functions', '--functions-env', envFile],
  });
});
afterAll(async () => {
  await stack?.stop();
  if (envDir) await rm(envDir, { recursive: true, force: true });
});

const options = { auth: { persistSession: false, autoRefreshToken: false } };
const anon = () => createClient(stack.apiUrl, LOCAL_ANON_KEY, options);
const withToken = (token: string) =>
  createClient(stack.apiUrl, LOCAL_ANON_KEY, { ...options, global: { headers: { Authorization: `Bearer ${token}` } } });
const call = (name: string, init: RequestInit = {}) => fetch(`${stack.apiUrl}/functions/v1/${name}`, { method: 'POST', ...init });
const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function platformError(res: Response) {
  return { status: res.status, code: res.headers.get('sb-error-code'), body: await res.json() };
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) {
    const value = await probe();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}\n${stack.log().slice(-3000)}`);
}


describe('Edge Functions through the gateway', () => {
  it('supabase-js functions.invoke() reaches the function with its body, path and the hosted environment', async () => {
    const { data, error } = await anon().functions.invoke('echo', { body: { hello: 'مرحبا' } });
    expect(error).toBeNull();
    expect(data).toMatchObject({
      method: 'POST',
      path: '/echo',
      body: JSON.stringify({ hello: 'مرحبا' }),
      authorized: true,
      platform: { SUPABASE_URL: true, SUPABASE_ANON_KEY: true, SUPABASE_SERVICE_ROLE_KEY: true, SUPABASE_DB_URL: true },
      supabaseUrl: stack.apiUrl,
      smtp: `127.0.0.1:${portsFor(offset).smtp}`,
      fixtureSecret: 'from-the-env-file',
      // The stack's own environment does not leak into functions.
      home: null,
    });
  });

  it('a sub-path and query string reach the function as /<name>/<rest>, GET included', async () => {
    const { data, error } = await anon().functions.invoke('echo/items/7?lang=ar', { method: 'GET' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ method: 'GET', path: '/echo/items/7', query: '?lang=ar', body: null });
  });

  it('a function calls the project API with the service role from its environment', async () => {
    const { data, error } = await anon().functions.invoke('service-stats');
    expect(error).toBeNull();
    expect(data.requests_total).toBeGreaterThan(0);
  });

  it('verify_jwt (the default) refuses a missing, malformed or forged token with the hosted 401s', async () => {
    expect(await platformError(await call('echo'))).toEqual({
      status: 401,
      code: 'UNAUTHORIZED_NO_AUTH_HEADER',
      body: { code: 'UNAUTHORIZED_NO_AUTH_HEADER', message: 'Missing authorization header' },
    });
    expect(await platformError(await call('echo', { headers: { Authorization: 'Basic b2ZmaWNlcjpwdw==' } }))).toEqual({
      status: 401,
      code: 'UNAUTHORIZED_INVALID_JWT_FORMAT',
      body: { code: 'UNAUTHORIZED_INVALID_JWT_FORMAT', message: "Auth header is not 'Bearer {token}'" },
    });
    const forged = signJwt({ role: 'service_role', exp: 2_000_000_000 }, 'not-the-project-secret');
    expect(await platformError(await call('echo', bearer(forged)))).toEqual({
      status: 401,
      code: 'UNAUTHORIZED_LEGACY_JWT',
      body: { code: 'UNAUTHORIZED_LEGACY_JWT', message: 'Invalid JWT' },
    });
    const expired = signJwt({ role: 'anon', exp: Math.floor(Date.now() / 1000) - 60 });
    expect((await platformError(await call('echo', bearer(expired)))).code).toBe('UNAUTHORIZED_LEGACY_JWT');

    const { data, error } = await withToken(forged).functions.invoke('echo');
    expect(data).toBeNull();
    expect(error).toBeInstanceOf(FunctionsHttpError);
    expect((error as FunctionsHttpError).context.status).toBe(401);
  });

  it('a user session and the service role key pass verify_jwt', async () => {
    const now = Math.floor(Date.now() / 1000);
    const session = signJwt({ sub: crypto.randomUUID(), role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 600 });
    expect((await call('echo', bearer(session))).status).toBe(200);
    expect((await call('echo', bearer(LOCAL_SERVICE_ROLE_KEY))).status).toBe(200);
  });

  it('verify_jwt = false in config.toml lets anyone through, without any key', async () => {
    const res = await fetch(`${stack.apiUrl}/functions/v1/public-echo`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ public: true });
  });

  it('an unknown function, or shared code, is 404 NOT_FOUND', async () => {
    for (const name of ['no-such-function', '_shared']) {
      expect(await platformError(await call(name, bearer(LOCAL_ANON_KEY)))).toEqual({
        status: 404,
        code: 'NOT_FOUND',
        body: { code: 'NOT_FOUND', message: 'Requested function was not found' },
      });
    }
  });
});

describe('a failing function answers as hosted, never hangs', () => {
  it('a handler that throws: 500 "Internal Server Error" with sb-error-code EDGE_FUNCTION_ERROR', async () => {
    const res = await call('throws', bearer(LOCAL_ANON_KEY));
    expect(res.status).toBe(500);
    expect(res.headers.get('sb-error-code')).toBe('EDGE_FUNCTION_ERROR');
    expect(await res.text()).toBe('Internal Server Error');

    const { error } = await anon().functions.invoke('throws');
    expect(error).toBeInstanceOf(FunctionsHttpError);
    expect((error as FunctionsHttpError).context.status).toBe(500);
  });

  it('an error escaping the handler: 500 WORKER_ERROR, and the function is back for the next call', async () => {
    expect(await platformError(await call('crashes', bearer(LOCAL_ANON_KEY)))).toEqual({
      status: 500,
      code: 'WORKER_ERROR',
      body: { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' },
    });
    // Restarted by the supervisor: the next call reaches a fresh process (and crashes it again).
    const next = await until('the crashed function to be back', async () => {
      const res = await call('crashes', bearer(LOCAL_ANON_KEY));
      return res.headers.get('sb-error-code') === 'WORKER_ERROR' ? res : null;
    });
    expect(next.status).toBe(500);
  });

  it('a function that cannot load: 503 BOOT_ERROR', async () => {
    expect(await platformError(await call('broken', bearer(LOCAL_ANON_KEY)))).toEqual({
      status: 503,
      code: 'BOOT_ERROR',
      body: { code: 'BOOT_ERROR', message: 'Function failed to start (please check logs)' },
    });
  });

  it('a function that never answers: 504 IDLE_TIMEOUT (the stack runs with a 4 s limit here)', async () => {
    const res = await call('slow', bearer(LOCAL_ANON_KEY));
    expect(res.status).toBe(504);
    expect(res.headers.get('sb-error-code')).toBe('IDLE_TIMEOUT');
    expect((await res.json()).code).toBe('IDLE_TIMEOUT');
  });

  it('the runtime killed: a call meanwhile gets a 503 JSON with Retry-After, and the supervisor brings it back', async () => {
    expect((await call('echo', bearer(LOCAL_ANON_KEY))).status).toBe(200);
    const pid = stack.childPid('deno', '/functions/echo/');
    process.kill(pid, 'SIGKILL');
    await until('the killed process to be reaped', async () => !alive(pid));

    const during = await call('echo', bearer(LOCAL_ANON_KEY));
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await during.json()).code).toBe('service_unavailable');

    await until('echo to answer again', async () => (await call('echo', bearer(LOCAL_ANON_KEY))).status === 200);
    expect(stack.childPid('deno', '/functions/echo/')).not.toBe(pid);
    expect(stack.log()).toMatch(/Edge Function echo stopped unexpectedly[\s\S]*Edge Function echo is back/);
  });
});

describe('the scheduler, as pg_cron + pg_net', () => {
  const calls = async (name: string) => (await (await call(name, { ...bearer(LOCAL_ANON_KEY), method: 'GET' })).json()) as never;

  it('invokes a scheduled function on its interval with the service role key', async () => {
    const { calls: ticks } = await until('two scheduled ticks', async () => {
      const seen = await calls('tick') as { calls: { source: string }[] };
      return seen.calls.length >= 2 ? seen : null;
    });
    expect(new Set(ticks.map((t) => t.source))).toEqual(new Set(['schedule']));
  });

  it('pg_notify(irtiqaa_wake_function, <name>) invokes it at once; a burst folds into calls that never overlap', async () => {
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    try {
      for (let i = 0; i < 5; i++) await db.query("select pg_notify('irtiqaa_wake_function', 'woken')");
      await db.query("select pg_notify('irtiqaa_wake_function', 'no-such-function')");
    } finally {
      await db.end();
    }
    await until('the woken function to be called', async () => ((await calls('woken')) as { calls: string[] }).calls.length > 0);
    // Let any folded follow-up call finish before counting.
    await sleep(1500);
    const seen = (await calls('woken')) as { calls: string[]; mostAtOnce: number };
    expect(seen.calls.every((source) => source === 'wake')).toBe(true);
    expect(seen.calls.length).toBeGreaterThanOrEqual(1);
    expect(seen.calls.length).toBeLessThanOrEqual(2);
    expect(seen.mostAtOnce).toBe(1);
    expect(stack.log()).toContain('irtiqaa_wake_function: no Edge Function named "no-such-function"');
  });
});

describe('the mail inbox', () => {
  const mobile = smsAddress('+966551234567');
  const send = (to: string, subject: string) =>
    call('send-mail', { body: JSON.stringify({ to, subject, text: `نص الرسالة: ${subject}` }), headers: { 'content-type': 'application/json' } });

  it('starts on first use: no maildev until its port is asked, then it answers', async () => {
    expect(() => stack.childPid('node', 'maildev')).toThrow();
    expect((await fetch(`${stack.inboxUrl}/api/healthz`)).ok).toBe(true);
    expect(stack.childPid('node', 'maildev')).toBeGreaterThan(0);
  });

  it('a function sends through SMTP; the message (an SMS, addressed to the mobile) is read through the inbox API', async () => {
    const res = await send(mobile, 'sms-1');
    expect(await res.json()).toEqual({ sent: true });
    const found = await waitForMessage(mobile, { predicate: (m) => m.subject === 'sms-1', baseUrl: stack.inboxUrl });
    expect(found.to.map((t) => t.address)).toEqual(['+966551234567@sms.irtiqaa.local']);
    expect(found.text.trim()).toBe('نص الرسالة: sms-1');
  });

  it('the inbox killed: sending fails meanwhile, the supervisor restarts it, and earlier messages are still there', async () => {
    const pid = stack.childPid('node', 'maildev');
    process.kill(pid, 'SIGKILL');
    await until('the killed inbox to be reaped', async () => !alive(pid));
    expect((await send(mobile, 'during-outage')).status).toBe(503);

    await until('the inbox to be back', async () => (await send(mobile, 'after-restart')).status === 200);
    // (SMTP may answer before the web API does, and the supervisor reports it back only then.)
    await until('the supervisor to report the inbox back', async () => stack.log().includes('the mail inbox is back'));
    const subjects = (await inboxMessages(stack.inboxUrl)).map((m) => m.subject);
    expect(subjects).toContain('sms-1');
    expect(subjects).toContain('after-restart');
    expect(stack.log()).toMatch(/the mail inbox stopped unexpectedly[\s\S]*the mail inbox is back/);
  });
});
