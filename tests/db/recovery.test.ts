// Faults: on a stack of its own (never the shared test stack), PostgREST and then PostgreSQL are
// SIGKILLed. The gateway answers 503 with a clear body and Retry-After meanwhile, the stack brings
// them back by itself, and a submission retried with its idempotency key is saved exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startOwnStack } from '../../bench/lib/stack.mjs';
import { LOCAL_ANON_KEY } from '../../supabase/local/keys.mjs';
import { application } from './support/clients';

type OwnStack = Awaited<ReturnType<typeof startOwnStack>>;
let stack: OwnStack;

beforeAll(async () => {
  stack = await startOwnStack({ offset: Number(process.env.IRTIQAA_PORT_OFFSET ?? 0) + 50, env: { IRTIQAA_UPSTREAM_TIMEOUT_MS: '1500' } });
});
afterAll(async () => {
  await stack?.stop();
});

interface Attempt { status: number; retryAfter: string | null; body: { code?: string; message?: string; reference?: string } }

async function submit(args: Record<string, unknown>): Promise<Attempt> {
  const res = await fetch(`${stack.apiUrl}/rest/v1/rpc/submit_support_request`, {
    method: 'POST',
    headers: { apikey: LOCAL_ANON_KEY, 'content-type': 'application/json' },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

/** As the form does: the same payload and idempotency key until the service acknowledges it. */
async function submitUntilAcknowledged(args: Record<string, unknown>) {
  const attempts: Attempt[] = [];
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    const attempt = await submit(args);
    attempts.push(attempt);
    if (attempt.status === 200) return attempts;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never acknowledged: ${JSON.stringify(attempts.slice(-3))}`);
}

const rowsWithKey = async (key: unknown) => {
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    return (await db.query('select reference from public.support_requests where idempotency_key = $1', [key])).rows;
  } finally {
    await db.end();
  }
};

function expectClearOutage(attempt: Attempt) {
  expect(attempt.status).toBe(503);
  expect(Number(attempt.retryAfter)).toBeGreaterThan(0);
  expect(attempt.body.code).toBeTruthy();
  expect(attempt.body.message).toBeTruthy();
}

describe('a part of the stack dies', () => {
  it('PostgREST killed: 503 with a clear body, back by itself, the retried submission saved once', async () => {
    const args = application();
    process.kill(stack.childPid('postgrest'), 'SIGKILL');
    const attempts = await submitUntilAcknowledged(args);

    expectClearOutage(attempts[0]);
    expect(attempts[0].body.code).toBe('service_unavailable');
    const receipt = attempts.at(-1)!.body;
    expect(receipt.reference).toMatch(/\S/);
    expect(await rowsWithKey(args.p_idempotency_key)).toEqual([{ reference: receipt.reference }]);
    expect(await stack.health()).toBe(200);
  });

  it('PostgREST frozen (accepts, never answers): the gateway gives up with a 503 instead of hanging', async () => {
    const args = application();
    const rest = stack.childPid('postgrest');
    process.kill(rest, 'SIGSTOP');
    let frozen: Attempt;
    try {
      frozen = await submit(args);
    } finally {
      process.kill(rest, 'SIGCONT');
    }
    expectClearOutage(frozen);
    expect(frozen.body.code).toBe('upstream_timeout');
    const receipt = (await submitUntilAcknowledged(args)).at(-1)!.body;
    expect(await rowsWithKey(args.p_idempotency_key)).toEqual([{ reference: receipt.reference }]);
  });

  it('PostgreSQL killed: 503 while down (health too), back by itself, the retried submission saved once', async () => {
    const args = application();
    process.kill(stack.childPid('postgres'), 'SIGKILL');
    const healthDuringOutage = await stack.health();
    const attempts = await submitUntilAcknowledged(args);

    expect(healthDuringOutage).toBe(503);
    expectClearOutage(attempts[0]);
    const failures = attempts.filter((a) => a.status !== 200);
    expect(failures.map((a) => [a.status, a.body.code])).toEqual(failures.map(() => [503, 'service_unavailable']));
    const receipt = attempts.at(-1)!.body;
    expect(await rowsWithKey(args.p_idempotency_key)).toEqual([{ reference: receipt.reference }]);
    // The same key once more after recovery: the same receipt, still one row.
    const replay = await submit(args);
    expect(replay.body.reference).toBe(receipt.reference);
    expect(await rowsWithKey(args.p_idempotency_key)).toHaveLength(1);
    expect(await stack.health()).toBe(200);
  });
});
