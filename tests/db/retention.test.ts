import { describe, expect, it } from 'vitest';
import { LOCAL_SERVICE_ROLE_KEY, withDb } from './support/clients';
import { BUCKET, backdateStatus, callFunction, pdfBytes, privatePage, requestAwaitingReply, staffAs, storedFor, uploadForReply } from './support/private-page';
import { submitFreshRequest } from './support/staff-clients';

/**
 * The retention job (docs/ARCHITECTURE.md, "Personal data: the map, retention, rights"), with the
 * clock moved: requests are put in their status that many days ago. Two years is 730 days; the
 * retention setting is internal.retention_after_closing().
 */
const PAST_RETENTION_DAYS = 2 * 366 + 1;
const runRetention = () => callFunction('retention', 'run', { source: 'schedule' }, { token: LOCAL_SERVICE_ROLE_KEY });

async function closedWithDocument(daysAgo: number) {
  const request = await requestAwaitingReply('نحتاج إفادة من المدرسة عن وضع الطالب');
  const { names } = await uploadForReply(request.secret, [{ name: 'إفادة سارة المدرسية.pdf', type: 'application/pdf', bytes: pdfBytes(3000) }]);
  await privatePage('reply', { secret: request.secret, text: 'أرفقت إفادة المدرسة كما طلبتم', object_names: names });
  await backdateStatus(request.id, 'closed', daysAgo);
  return { ...request, file: names[0]! };
}

const personalFields = (id: string) =>
  withDb(async (db) => (await db.query(
    `select full_name, national_id, mobile, email, description, decision_note, city, category, status, anonymised_at is not null as anonymised
       from public.support_requests where id = $1`, [id])).rows[0]);
const eventsOf = (id: string) =>
  withDb(async (db) => (await db.query(`select kind, code, note from public.request_events where request_id = $1 order by id`, [id])).rows);
// The figures as the public page shows them, without the moment they were computed.
const serviceFigures = () => withDb(async (db) => (await db.query(`select internal.compute_service_stats() - 'generated_at' as s`)).rows[0].s);

describe('the retention job', () => {
  it('anonymises a closed request past retention, leaves open and recently closed ones, keeps the figures, and does nothing the second time', async () => {
    const expired = await closedWithDocument(PAST_RETENTION_DAYS);
    const recent = await closedWithDocument(700);
    const open = await submitFreshRequest();
    await backdateStatus(open.id, 'under_review', PAST_RETENTION_DAYS);
    const before = { recent: await personalFields(recent.id), open: await personalFields(open.id), figures: await serviceFigures() };

    expect((await callFunction('retention', 'run', {})).status).toBe(403);
    const first = await runRetention();
    expect(first.status).toBe(200);
    expect(first.body.anonymised).toBeGreaterThanOrEqual(1);

    expect(await personalFields(expired.id)).toMatchObject({
      full_name: '', national_id: '', mobile: '', email: null, description: '', city: expect.any(String), status: 'closed', anonymised: true,
    });
    const stored = await storedFor(expired.id);
    expect(stored).toMatchObject({ status: 'closed', documents: ['—'], files: [], reservations: [], replies: ['—'] });
    const events = await eventsOf(expired.id);
    expect(events.filter((e) => e.kind === 'anonymised')).toEqual([{ kind: 'anonymised', code: 'retention_expired', note: null }]);
    expect(events.filter((e) => e.note !== null && e.note !== '—')).toEqual([]);

    expect(await personalFields(recent.id)).toEqual(before.recent);
    expect((await storedFor(recent.id)).files).toEqual([recent.file]);
    expect(await personalFields(open.id)).toEqual(before.open);
    expect(await serviceFigures()).toEqual(before.figures);

    const eventsAfterFirst = await eventsOf(expired.id);
    const second = await runRetention();
    expect(second.status).toBe(200);
    expect(await eventsOf(expired.id)).toEqual(eventsAfterFirst);
    expect(await personalFields(expired.id)).toMatchObject({ full_name: '', anonymised: true });
    expect(await serviceFigures()).toEqual(before.figures);
  });

  it('staff see the anonymised request with its history, and search no longer finds it by the old name or ID', async () => {
    const expired = await closedWithDocument(PAST_RETENTION_DAYS);
    const [old] = await withDb(async (db) => (await db.query('select reference, national_id from public.support_requests where id = $1', [expired.id])).rows);
    await runRetention();
    const officer = await staffAs('officer');
    const { data } = await officer.from('support_requests').select('reference, full_name, national_id_masked, mobile_masked, anonymised_at').eq('id', expired.id).single();
    expect(data).toMatchObject({ reference: old.reference, full_name: '', national_id_masked: '', mobile_masked: '' });
    expect(data!.anonymised_at).not.toBeNull();
    const found = await officer.rpc('search_requests', { p_query: old.national_id }).select('id');
    expect(((found.data ?? []) as { id: string }[]).map((r) => r.id)).not.toContain(expired.id);
  });

  it('a file Storage did not remove stays queued, unreadable by staff, and the next run removes it', async () => {
    const request = await closedWithDocument(PAST_RETENTION_DAYS);
    // The anonymisation committed but the removal never happened (Storage down, the run cut off).
    await withDb((db) => db.query(`select internal.anonymise_request($1, 'retention_expired')`, [request.id]));
    expect((await storedFor(request.id)).files).toEqual([request.file]);
    const officer = await staffAs('officer');
    expect((await officer.storage.from(BUCKET).download(request.file)).data).toBeNull();

    expect((await runRetention()).status).toBe(200);
    expect((await storedFor(request.id)).files).toEqual([]);
    const queued = await withDb(async (db) => (await db.query('select object_name from internal.storage_removals where request_id = $1', [request.id])).rows);
    expect(queued).toEqual([]);
  });

  it('no role can call the job\'s functions but the service role', async () => {
    const officer = await staffAs('admin');
    for (const fn of ['start_retention_run', 'anonymise_past_retention', 'storage_removals_done']) {
      const { error } = await officer.rpc(fn, fn === 'anonymise_past_retention' ? { p_request_id: crypto.randomUUID() } : fn === 'storage_removals_done' ? { p_object_names: [] } : {});
      expect(error?.code, fn).toBe('42501');
    }
  });
});
