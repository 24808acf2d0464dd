// Issue 14, the link: every request gets a secret link at submission and at registration on the
// beneficiary's behalf (only its hash kept); a wrong, an expired and a replaced link answer alike;
// wrong links are counted per client, so strangers never lock the beneficiary out.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { anonClient, apiUrl, application, LOCAL_ANON_KEY, withDb } from './support/clients';
import { submitFreshRequest } from './support/staff-clients';
import { backdateStatus, privatePage, staffAs } from './support/private-page';
import { PRIVATE_LINK_DAYS_AFTER_CLOSING, secretOf } from '../../src/lib/private-link-secret';

const SECRET = /^[A-Za-z0-9_-]{24}$/; // 24 base64url characters: 144 bits
const linksOf = (requestId: string) =>
  withDb(async (db) => (await db.query('select * from internal.private_links where request_id = $1 order by created_at', [requestId])).rows);
const randomSecret = () => randomBytes(18).toString('base64url');
const NOT_FOUND = { status: 200, body: { outcome: 'not_found' } };

describe('the secret', () => {
  it('is at least 128 random bits, returned once at submission; the database keeps only its SHA-256', async () => {
    const { id, secret } = await submitFreshRequest();
    expect(secret).toMatch(SECRET);
    const [link, ...more] = await linksOf(id);
    expect(more).toEqual([]);
    expect(link).toMatchObject({ issued_for: 'submitted', purpose: 'page', revoked_at: null, issued_by: null });
    expect(Buffer.from(link.secret_hash).equals(await withDb(async (db) => (await db.query(`select sha256(convert_to($1, 'UTF8')) as h`, [secret])).rows[0].h))).toBe(true);
    // Nothing the database holds spells the secret.
    const spelled = await withDb(async (db) =>
      (await db.query(`select count(*)::int as n from internal.private_links l where to_jsonb(l)::text like '%' || $1 || '%'`, [secret])).rows[0].n);
    expect(spelled).toBe(0);
    expect((await privatePage('open', { secret })).body).toMatchObject({ outcome: 'found', status: 'submitted' });
  });

  it('is given to staff who register a request on the beneficiary’s behalf', async () => {
    const officer = await staffAs('officer');
    const { data, error } = await officer.rpc('register_request_on_behalf', { ...application(), p_intake_channel: 'phone' });
    expect(error).toBeNull();
    expect(data.private_link_secret).toMatch(SECRET);
    expect((await privatePage('open', { secret: data.private_link_secret })).body).toMatchObject({ outcome: 'found', reference: data.reference });
  });

  it('a retried submission (its first answer lost) gets a fresh link, and both keep working', async () => {
    const args = application();
    const first = (await anonClient().rpc('submit_support_request', args)).data;
    const retry = (await anonClient().rpc('submit_support_request', args)).data;
    expect(retry.reference).toBe(first.reference);
    expect(retry.private_link_secret).not.toBe(first.private_link_secret);
    for (const secret of [first.private_link_secret, retry.private_link_secret]) {
      expect((await privatePage('open', { secret })).body).toMatchObject({ outcome: 'found', reference: first.reference });
    }
  });
});

describe('the lifetime after closing', () => {
  it('is the same number of days in internal.private_link_lifetime_after_closing() and src/lib/private-link-secret.ts', async () => {
    const [row] = await withDb(async (db) => (await db.query(`select extract(epoch from internal.private_link_lifetime_after_closing()) / 86400 as days`)).rows);
    expect(Number(row.days)).toBe(PRIVATE_LINK_DAYS_AFTER_CLOSING);
  });
});

describe('a link that does not work', () => {
  it('a wrong, an expired and a replaced link all get the same answer, which names nothing', async () => {
    const expired = await submitFreshRequest();
    await backdateStatus(expired.id, 'closed', PRIVATE_LINK_DAYS_AFTER_CLOSING + 1);
    const replaced = await submitFreshRequest();
    const issued = await (await staffAs('officer')).rpc('issue_private_link', { p_request_id: replaced.id });
    expect(issued.error).toBeNull();

    const answers = await Promise.all([randomSecret(), expired.secret, replaced.secret, '', 'not a secret'].map((secret) => privatePage('open', { secret })));
    expect(answers).toEqual(Array(5).fill(NOT_FOUND));
    // The new link works, and a request closed less than the lifetime ago still opens.
    expect((await privatePage('open', { secret: issued.data.private_link_secret })).body).toMatchObject({ outcome: 'found', reference: replaced.reference });
    const recent = await submitFreshRequest();
    await backdateStatus(recent.id, 'closed', PRIVATE_LINK_DAYS_AFTER_CLOSING - 1);
    expect((await privatePage('open', { secret: recent.secret })).body).toMatchObject({ outcome: 'found', status: 'closed' });
  });

  it('wrong links are counted per client: a stranger is stopped after 20, the beneficiary is never locked out', async () => {
    const { reference, secret } = await submitFreshRequest();
    const stranger = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    for (let i = 0; i < 20; i++) expect(await privatePage('open', { secret: randomSecret() }, stranger)).toEqual(NOT_FOUND);
    const stopped = await privatePage('open', { secret }, stranger);
    expect(stopped.body).toMatchObject({ outcome: 'throttled' });
    expect(stopped.body.retry_after_seconds).toBeGreaterThan(0);
    expect(stopped.body.retry_after_seconds).toBeLessThanOrEqual(600);
    // The same link from the beneficiary's own connection, and every other call of theirs, works.
    expect((await privatePage('open', { secret }, '198.51.100.7')).body).toMatchObject({ outcome: 'found', reference });
    // What the stranger claims to be (an X-Forwarded-For of their own) does not make them another client.
    expect((await privatePage('open', { secret }, stranger, { 'x-forwarded-for': '198.51.100.7' })).body).toMatchObject({ outcome: 'throttled' });
    // Nothing about the request was counted: no row of the throttle names it.
    const columns = await withDb(async (db) =>
      (await db.query(`select column_name from information_schema.columns where table_schema = 'internal' and table_name = 'private_link_failures' order by 1`)).rows.map((r) => r.column_name));
    expect(columns).toEqual(['client_hash', 'failed_at']);
  });
});

describe('staff issue a new link', () => {
  it('the old links stop at once, the new secret is shown once, and the history says so', async () => {
    const { id, secret } = await submitFreshRequest();
    const officer = await staffAs('officer');
    const { data } = await officer.rpc('issue_private_link', { p_request_id: id });
    expect(data.private_link_secret).toMatch(SECRET);
    expect(await privatePage('open', { secret })).toEqual(NOT_FOUND);
    const links = await linksOf(id);
    expect(links.map((l) => [l.issued_for, l.revoked_at === null])).toEqual([['submitted', false], ['staff', true]]);
    const { data: events } = await officer.from('request_events').select('kind, actor_role').eq('request_id', id).eq('kind', 'link_issued');
    expect(events).toEqual([{ kind: 'link_issued', actor_role: 'officer' }]);
  });

  it('only officers and supervisors may; never anon; and not once the request’s page has ended', async () => {
    const { id } = await submitFreshRequest();
    for (const role of ['authority', 'admin'] as const) {
      const { error, status } = await (await staffAs(role)).rpc('issue_private_link', { p_request_id: id });
      expect([status, error?.message]).toEqual([403, 'role_not_allowed']);
    }
    const anon = await anonClient().rpc('issue_private_link', { p_request_id: id });
    expect(anon.status).toBe(401);
    expect(await (await staffAs('supervisor')).rpc('issue_private_link', { p_request_id: id }).then((r) => r.error)).toBeNull();
    await backdateStatus(id, 'closed', PRIVATE_LINK_DAYS_AFTER_CLOSING + 1);
    const ended = await (await staffAs('officer')).rpc('issue_private_link', { p_request_id: id });
    expect([ended.status, ended.error?.message]).toEqual([400, 'private_link_ended']);
  });
});

describe('links in messages', () => {
  it('internal.beneficiary_link_path mints a fresh link for every message; "service delivered" opens at the survey', async () => {
    const { id } = await submitFreshRequest();
    const paths = await withDb(async (db) =>
      (await db.query(`select internal.beneficiary_link_path($1, m) as path from unnest(array['needs_info', 'needs_info', 'service_delivered']) m`, [id])).rows.map((r) => r.path as string));
    expect(paths.every((path) => /^\/r\/#[A-Za-z0-9_-]{24}$/.test(path))).toBe(true);
    expect(new Set(paths).size).toBe(3);
    const opened = await Promise.all(paths.map((path) => privatePage('open', { secret: secretOf(path.slice('/r/'.length)) })));
    expect(opened.map((o) => o.body.opened_for)).toEqual(['page', 'page', 'survey']);
  });

  it('keeps the signature the outreach branch calls: (uuid, text) returns text', async () => {
    const [fn] = await withDb(async (db) =>
      (await db.query(`select pg_get_function_identity_arguments(p.oid) as args, pg_get_function_result(p.oid) as result from pg_proc p
        where p.proname = 'beneficiary_link_path' and p.pronamespace = 'internal'::regnamespace`)).rows);
    expect(fn).toEqual({ args: 'p_request_id uuid, p_moment text', result: 'text' });
  });
});

describe('the private-page function refuses what it cannot use, never with a 5xx', () => {
  it.each([
    ['a body that is not JSON', 'open', '{'],
    ['an unknown action', 'nothing', '{}'],
    ['files that are not a list', 'prepare', JSON.stringify({ secret: randomSecret(), files: 'x' })],
    ['object names that are not strings', 'reply', JSON.stringify({ secret: randomSecret(), object_names: [1] })],
    ['a NUL in the reply', 'reply', JSON.stringify({ secret: randomSecret(), text: 'a\u0000b' })],
  ])('%s', async (_what, action, body) => {
    const response = await fetch(`${apiUrl}/functions/v1/private-page/${action}`, {
      method: 'POST',
      headers: { apikey: LOCAL_ANON_KEY, authorization: `Bearer ${LOCAL_ANON_KEY}` },
      body,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await response.arrayBuffer();
  });

  it('answers a browser’s CORS preflight from any origin (no cookies are involved)', async () => {
    const response = await fetch(`${apiUrl}/functions/v1/private-page/open`, {
      method: 'OPTIONS',
      headers: { origin: 'https://irtiqaa.org.sa', 'access-control-request-method': 'POST', 'access-control-request-headers': 'apikey, authorization, content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('apikey');
  });
});
