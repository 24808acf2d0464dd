// Issue 13, "Bad input and faults", on a stack of its own whose SMS go to a stand-in for Taqnyat's
// API (tests/support/fake-sms-provider.ts) and whose email goes to its own inbox: a number the
// provider refuses, the provider down, the function killed mid-batch. The request is never
// affected, no message is lost, and a crash repeats at most one per sending lane.
import { DEFAULT_LANES } from '../../supabase/functions/_shared/outreach/lanes.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { startOwnStack } from '../../bench/lib/stack.mjs';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../../supabase/local/keys.mjs';
import { application } from './support/clients';
import { serveTemplates } from '../support/published-templates';
import { startFakeTaqnyat, type FakeSmsProvider } from '../support/fake-sms-provider';
import { inboxMessages, waitForMessage } from '../support/inbox';
import { alive } from '../support/processes';

type OwnStack = Awaited<ReturnType<typeof startOwnStack>>;
const offset = Number(process.env.IRTIQAA_PORT_OFFSET ?? 0) + 70;
let stack: OwnStack;
let provider: FakeSmsProvider;
let templates: { close: () => Promise<void> };
let envDir: string;

const freePort = () => new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(port));
  });
});

beforeAll(async () => {
  provider = await startFakeTaqnyat();
  const templatePort = await freePort();
  templates = await serveTemplates(templatePort);
  envDir = await mkdtemp(path.join(os.tmpdir(), 'irtiqaa-outreach-'));
  const envFile = path.join(envDir, 'functions.env');
  await writeFile(envFile, [
    `SITE_URL=http://127.0.0.1:${templatePort}`,
    'SMS_TRANSPORT=taqnyat', 'TAQNYAT_TOKEN=test-token', `TAQNYAT_API_URL=${provider.url}`, 'SMS_SENDER=Irtiqaa',
  ].join('\n'));
  stack = await startOwnStack({ offset, durable: false, args: ['--functions-env', envFile] });
  // The stack starts its inbox on the first connection; on a busy machine that can outlast the
  // first email's SMTP timeout, and the retry comes a scheduled run later. Started here, it is up.
  await inboxMessages(stack.inboxUrl);
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await provider?.close();
  await templates?.close();
  if (envDir) await rm(envDir, { recursive: true, force: true });
});

const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => {
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    return (await db.query(text, values)).rows as T[];
  } finally {
    await db.end();
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 45_000): Promise<T> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(200)) {
    const value = await probe();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}\n${stack.log().slice(-3000)}`);
}
const runNotify = () =>
  fetch(`${stack.apiUrl}/functions/v1/notify`, { method: 'POST', headers: { authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}` }, body: '{}' }).then((r) => r.json());
const outbox = (reference: string) =>
  sql<{ id: string; channel: string; state: string; attempts: number; last_error: string | null }>(
    `select o.id, o.channel, o.state, o.attempts, o.last_error from internal.outbox o join public.support_requests r on r.id = o.request_id
      where r.reference = $1 order by o.id`, [reference]);
let mobiles = 0;
const mobile = () => `0559${String(Date.now() % 100_000).padStart(5, '0')}${++mobiles}`.slice(0, 10);

async function submit(fields: Record<string, unknown>) {
  const anon = createClient(stack.apiUrl, LOCAL_ANON_KEY, { auth: { persistSession: false } });
  const { data, error } = await anon.rpc('submit_support_request', application(fields));
  if (error) throw new Error(error.message);
  return data.reference as string;
}

describe('a provider that refuses, or is down', () => {
  it('a number the provider refuses: failed with the provider’s reason; the email still goes, and the request is unaffected', async () => {
    const number = mobile();
    provider.refuse.add(`966${number.slice(1)}`);
    const reference = await submit({ p_mobile: number, p_email: `refused-${mobiles}@example.com` });
    const [sms] = await until('the SMS to fail', async () => {
      const rows = await outbox(reference);
      return rows.find((r) => r.channel === 'sms' && r.state === 'failed') ? rows : null;
    });
    expect(sms).toMatchObject({ state: 'failed', attempts: 1, last_error: `Taqnyat 400: Invalid mobile number ••••••${number.slice(-4)}` });
    // Staff read the reason (the history, messages not delivered): the number in it is masked.
    await waitForMessage(`refused-${mobiles}@example.com`, { baseUrl: stack.inboxUrl, timeoutMs: 30_000 });
    const [request] = await sql(`select status from public.support_requests where reference = $1`, [reference]);
    expect(request).toEqual({ status: 'submitted' });
    const [event] = await sql(`select e.code, e.note from public.request_events e join public.support_requests r on r.id = e.request_id
      where r.reference = $1 and e.code = 'message_failed'`, [reference]);
    expect(event).toEqual({ code: 'message_failed', note: sms!.last_error });
  }, 90_000);

  it('the provider down for a while: the message waits, then goes once the provider is back, once', async () => {
    provider.mode.down = true;
    const number = mobile();
    const reference = await submit({ p_mobile: number });
    await until('a failed try', async () => (await outbox(reference)).find((r) => r.attempts >= 1 && r.state === 'queued'));
    expect((await outbox(reference))[0]!.last_error).toBe('Taqnyat 503: Service Unavailable');
    provider.mode.down = false;
    // The back-off has passed.
    await sql(`update internal.outbox set next_attempt_at = now() where state = 'queued'`);
    await runNotify();
    await until('the SMS to be sent', async () => (await outbox(reference))[0]!.state === 'sent');
    expect(provider.accepted.filter((m) => m.to === `966${number.slice(1)}`)).toHaveLength(1);
  }, 90_000);
});

describe('the function killed in the middle of a batch', () => {
  it('loses nothing, and repeats at most the one message each lane was sending', async () => {
    const number = mobile();
    const reference = await submit({ p_mobile: number });
    await until('the first SMS', async () => (await outbox(reference))[0]!.state === 'sent');
    const count = 40;
    // Forty messages from staff, written the way send_staff_message writes them.
    await sql(`insert into public.request_events (request_id, kind, code, note, message_moment)
      select r.id, 'message', 'staff_message', 'رسالة اختبار رقم ' || g, 'staff_message'
        from public.support_requests r, generate_series(1, $2::int) g where r.reference = $1`, [reference, count]);
    provider.mode.delayMs = 60;
    const pid = stack.childPid('deno', '/functions/notify/');
    await until('some messages to go', async () => provider.accepted.filter((m) => m.body.includes('رسالة اختبار')).length >= 8);
    process.kill(pid, 'SIGKILL');
    await until('the killed process to be reaped', async () => !alive(pid));
    provider.mode.delayMs = 0;
    await until('the supervisor to restart it', async () => {
      try {
        return stack.childPid('deno', '/functions/notify/') !== pid;
      } catch {
        return false;
      }
    });
    // The dead run's lease is over.
    await sql(`update internal.outbox set next_attempt_at = now() where state in ('queued', 'sending')`);
    await until('every message to be sent', async () => {
      await runNotify();
      return (await outbox(reference)).every((r) => r.state === 'sent');
    });
    const sentTexts = provider.accepted.filter((m) => m.body.includes('رسالة اختبار')).map((m) => /رقم (\d+)/.exec(m.body)![1]);
    const distinct = new Set(sentTexts);
    expect(distinct.size).toBe(count);
    expect(sentTexts.length - distinct.size).toBeLessThanOrEqual(DEFAULT_LANES);
  }, 120_000);
});
