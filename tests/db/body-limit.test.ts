import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../supabase/local/body-limit.mjs';
import { DESCRIPTION_MAX } from '../../src/schemas/support-request';
import { apiUrl, application, LOCAL_ANON_KEY, withDb } from './support/clients';

const rpcUrl = `${apiUrl}/rest/v1/rpc/submit_support_request`;
const headers = { apikey: LOCAL_ANON_KEY, 'content-type': 'application/json' };

const savedWithKey = (key: string) =>
  withDb(async (db) =>
    (await db.query('select count(*)::int as n from public.support_requests where idempotency_key = $1', [key])).rows[0].n,
  );

describe('the gateway refuses oversized request bodies', () => {
  it('answers 413 with a JSON reason for a 1 MB submission, and nothing is saved', async () => {
    const args = application({ p_description: 'ب'.repeat(512 * 1024) });
    const response = await fetch(rpcUrl, { method: 'POST', headers, body: JSON.stringify(args) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
    expect(await savedWithKey(args.p_idempotency_key)).toBe(0);
  });

  it('answers 413 for a chunked 1 MB body that declares no length, and nothing is saved', async () => {
    const args = application({ p_description: 'x'.repeat(1024 * 1024) });
    const bytes = new TextEncoder().encode(JSON.stringify(args));
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.subarray(i, i + 16 * 1024));
        controller.close();
      },
    });
    const response = await fetch(rpcUrl, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(await savedWithKey(args.p_idempotency_key)).toBe(0);
  });

  it('passes the biggest legitimate submission (description at its maximum length)', async () => {
    const args = application({ p_description: 'ب'.repeat(DESCRIPTION_MAX) });
    expect(Buffer.byteLength(JSON.stringify(args))).toBeLessThan(MAX_BODY_BYTES);
    const response = await fetch(rpcUrl, { method: 'POST', headers, body: JSON.stringify(args) });
    expect(response.status).toBe(200);
    expect(await savedWithKey(args.p_idempotency_key)).toBe(1);
  });

  it('refuses a description one character over its maximum with the rule key, not a size error', async () => {
    const args = application({ p_description: 'ب'.repeat(DESCRIPTION_MAX + 1) });
    const response = await fetch(rpcUrl, { method: 'POST', headers, body: JSON.stringify(args) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: 'description_length', hint: 'description' });
    expect(await savedWithKey(args.p_idempotency_key)).toBe(0);
  });
});
