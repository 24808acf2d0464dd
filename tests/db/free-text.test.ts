// Issue 15, hole 7: hidden characters (bidi overrides, zero-width and control characters) are
// refused in every free-text field someone other than its author reads, by the database as by
// the forms (the email: the shared sample table, tests/fixtures/support-request-samples.ts).
import { describe, expect, it } from 'vitest';
import { staff, withDb } from './support/clients';
import { requestsIn } from './support/arrange';
import { MULTILINE_HIDDEN_CHARACTERS, SINGLE_LINE_HIDDEN_CHARACTERS } from '../../src/schemas/hidden-characters';
import { noteRule } from '../../src/schemas/staff-note';

const OVERRIDE = '\u202E';
const ISOLATE = '\u2066';
const BELL = '\u0007';
// What real writing uses and must keep: line breaks, a tab, the right-to-left mark, the zero-width joiner.
const REAL_TEXT = 'اتصلت بولي الأمر:\n\t- أكّد البيانات\u200F\n- سيرسل الشهادة\u200D غدًا';

const eventsOf = (id: string) =>
  withDb(async (db) => (await db.query('select kind::text, note from public.request_events where request_id = $1 order by id', [id])).rows);

describe('what staff write', () => {
  it('a note with a bidi override, an isolate or a control character is refused with note_characters; real text is kept', async () => {
    const officer = await staff('officer');
    const [id] = await requestsIn('under_review');
    for (const hidden of [OVERRIDE, ISOLATE, BELL]) {
      const note = `اتصلت بولي الأمر ${hidden}وأكد البيانات`;
      expect(noteRule(note)).toBe('note_characters');
      const { status, error } = await officer.rpc('add_request_note', { p_request_id: id, p_note: note });
      expect([status, error?.message, error?.hint]).toEqual([400, 'note_characters', 'note']);
    }
    expect(noteRule(REAL_TEXT)).toBeNull();
    expect((await officer.rpc('add_request_note', { p_request_id: id, p_note: REAL_TEXT })).error).toBeNull();
    expect((await eventsOf(id!)).map((e) => e.note)).toEqual([REAL_TEXT]);
  });

  it('the text written for the beneficiary (what is missing, the reason for a rejection) follows the same rule', async () => {
    const officer = await staff('officer');
    const authority = await staff('authority');
    const [reviewed] = await requestsIn('under_review');
    const ask = await officer.rpc('transition_request', { p_request_id: reviewed, p_to: 'needs_info', p_note: `صورة الهوية${OVERRIDE}` });
    expect([ask.status, ask.error?.message]).toEqual([400, 'note_characters']);
    const [pending] = await requestsIn('pending_decision');
    const reject = await authority.rpc('transition_request', { p_request_id: pending, p_to: 'rejected', p_note: `لا تنطبق الشروط${ISOLATE}` });
    expect([reject.status, reject.error?.message]).toEqual([400, 'note_characters']);
    const statusOf = (id: string) =>
      withDb(async (db) => (await db.query('select status::text from public.support_requests where id = $1', [id])).rows[0].status);
    expect([await statusOf(reviewed!), await statusOf(pending!)]).toEqual(['under_review', 'pending_decision']);
    expect((await authority.rpc('transition_request', { p_request_id: pending, p_to: 'rejected', p_note: REAL_TEXT })).error).toBeNull();
  });

  it('the tables refuse them too, whoever writes the row', async () => {
    const [id] = await requestsIn('under_review');
    const refusals = await withDb(async (db) => {
      const attempts = [
        `insert into public.request_events (request_id, kind, note) values ('${id}', 'note', 'x${OVERRIDE}y')`,
        `update public.support_requests set email = 'a${OVERRIDE}@example.com' where id = '${id}'`,
      ];
      const found: string[] = [];
      for (const sql of attempts) {
        await db.query('begin');
        await db.query('set local session_replication_role = replica');
        try {
          await db.query(sql);
          found.push('allowed');
        } catch (error) {
          found.push((error as { constraint?: string }).constraint ?? String(error));
        }
        await db.query('rollback');
      }
      return found;
    });
    expect(refusals).toEqual(['request_events_note_characters', 'support_requests_email_characters']);
  });
});

describe('the two sets of hidden characters', () => {
  // Every code point of the Basic Multilingual Plane but U+0000 and the surrogates (text cannot hold them).
  const codePoints = Array.from({ length: 0xffff }, (_, i) => i + 1).filter((c) => c < 0xd800 || c > 0xdfff);

  it.each([
    ['one-line (city, email)', 'city_hidden_characters', SINGLE_LINE_HIDDEN_CHARACTERS],
    ['multiline (description, notes, reasons)', 'description_hidden_characters', MULTILINE_HIDDEN_CHARACTERS],
  ] as const)('%s: the database refuses exactly what the forms refuse', async (_name, sqlFunction, pattern) => {
    const inSql = await withDb(async (db) => (await db.query(
      `select array_agg(c order by c) as cs from generate_series(1, 65535) c
        where (c < 55296 or c > 57343) and chr(c) ~ internal.${sqlFunction}()`)).rows[0].cs as number[]);
    expect(inSql).toEqual(codePoints.filter((c) => pattern.test(String.fromCharCode(c))));
  });
});

describe('requests written before the hidden-character checks', () => {
  it('hold them too (validated): no such request is left that every later change would fail on, naming its whole row', async () => {
    const checks = await withDb(async (db) => (await db.query(
      `select conname, convalidated from pg_constraint
        where conrelid = 'public.support_requests'::regclass and conname like '%\\_characters' order by conname`)).rows);
    expect(checks.map((c) => c.conname)).toEqual(expect.arrayContaining(['support_requests_decision_note_characters', 'support_requests_email_characters']));
    expect(checks.filter((c) => !c.convalidated)).toEqual([]);
  });
});
