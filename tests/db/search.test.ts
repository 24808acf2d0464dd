// Staff search (supabase/migrations/20261201170100_workspace_search.sql): the SQL normaliser is
// the FAQ search's (src/lib/search-normalize.ts) over the same cases and over random text; every
// role that may search gets exactly the rows a service-role reading of the whole table says the
// query matches (worked out here in TypeScript), Arabic-aware cases included; everyone else gets
// nothing; and PostgREST filters, orders, pages and counts what search_requests() returns.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toLatinDigits } from '../../src/lib/digits';
import { normaliseSaudiMobile } from '../../src/lib/mobile';
import { normaliseNationalId } from '../../src/lib/national-id';
import { REFERENCE_FORMAT, normaliseReference } from '../../src/lib/reference';
import { foldText, indexText, searchTokens, stripArticle } from '../../src/lib/search-normalize';
import { anonClient, createUser, withDb } from './support/clients';
import { clientAs, seededStaffByRole, serviceClient } from './support/staff-clients';
import { insertRequests, uniqueMobile, uniqueNationalId } from './support/workspace-fixtures';

/** The cases of tests/unit/search-normalize.test.ts, and the kinds of name staff look up. */
const CASES = [
  'الطَّلَبُ', 'الطلب', 'طـــلب', 'أسئلة', 'اسئله', 'إجابة', 'اجابه', 'آخر', 'مسؤول', 'مسوول', 'على', 'علي', '٦ أسابيع', '6 اسابيع', '۴',
  'والطلب', 'بالهاتف', 'للمستفيد', 'الى', 'طلب', 'متى أعرف نتيجة طلبي؟ نرد عليك خلال مدة لا تزيد على ستة أسابيع.', '  ستة   أسابيع ',
  'How do I follow my request?', 'follow REQUEST', 'Café résumé', 'cafe RESUME', 'عبدُالرَّحمن القحطانيّ', 'ٱلقحطاني', 'نورة', 'نوره',
  'ﻣﺤﻤﺪ', 'Zoë Al-Ḥarbi', 'کریم', "O'Brien", 'فاطمة الزهراء', '', '   ',
];

const ALPHABET = [
  ...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي', '\u064B', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670', 'ٱ', 'ک', 'ی', 'ـ',
  ...'٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789', ...'abcXYZéÉçñüÅøß', '\u0301', '\u0308', ' ', ' ', '-', '.', ',', '(', ')', '+', '؟', '،', "'",
];

const sql = <T>(query: string, values: unknown[]) => withDb(async (db) => (await db.query(query, values)).rows as T[]);

describe('the SQL search normaliser is the FAQ search’s', () => {
  const compare = async (texts: string[]) => {
    const rows = await sql<{ fold: string; tokens: string[] }>(
      'select internal.search_fold(x) as fold, internal.search_tokens(x) as tokens from unnest($1::text[]) with ordinality as t (x, n) order by n',
      [texts],
    );
    expect(rows.map((r) => r.fold)).toEqual(texts.map(foldText));
    expect(rows.map((r) => r.tokens)).toEqual(texts.map(searchTokens));
  };

  it('over the FAQ search’s own cases', () => compare(CASES));

  it('strips the article exactly where stripArticle does', async () => {
    const words = ['الطلب', 'والطلب', 'بالهاتف', 'فالعلم', 'كالبحر', 'للمستفيد', 'للغة', 'الى', 'ال', 'والد', 'بالي', 'اللغه', 'طلب', 'لل', 'وال'];
    const rows = await sql<{ word: string }>('select internal.search_strip_article(w) as word from unnest($1::text[]) with ordinality as t (w, n) order by n', [words]);
    expect(rows.map((r) => r.word)).toEqual(words.map(stripArticle));
  });

  it('over random Arabic and Latin text with marks, digits of every script and punctuation', async () => {
    const texts = fc.sample(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((chars) => chars.join('')), { numRuns: 400, seed: 17 });
    await compare(texts);
  });
});

// --- Search results --------------------------------------------------------------------------

interface Row {
  id: string;
  reference: string;
  full_name: string;
  national_id: string;
  mobile: string;
  status: string;
}

/** What a query matches, in TypeScript: the contract of search_requests() in supabase/CONTRACT.md. */
function matches(row: Row, raw: string): boolean {
  const query = toLatinDigits(raw).trim();
  if (/^irt/i.test(query) && REFERENCE_FORMAT.test(normaliseReference(query))) return row.reference === normaliseReference(query);
  if (/^[12][0-9]{9}$/.test(normaliseNationalId(query))) return row.national_id === normaliseNationalId(query);
  const mobile = normaliseSaudiMobile(query);
  if (mobile) return row.mobile === mobile;
  const rest = query.replace(/^irt[\s-]*/i, '');
  const digits = rest.replace(/[\s().+-]/g, '');
  const words = /^[0-9]+$/.test(digits) ? [digits.replace(/^(00966|966)/, '0')] : searchTokens(rest);
  const text = [indexText(row.full_name), row.reference.slice(4).toLowerCase()].join(' ');
  return words.every((word) => text.includes(word));
}

async function everyRequest(): Promise<Row[]> {
  const rows: Row[] = [];
  for (let from = 0; ; from += 1000) {
    const { data, error } = await serviceClient().from('support_requests').select('id, reference, full_name, national_id, mobile, status').order('id').range(from, from + 999);
    if (error) throw error;
    rows.push(...(data as Row[]));
    if (data.length < 1000) return rows;
  }
}

describe('search_requests()', () => {
  const family = `ال${'قحطمنسر'.split('').sort(() => Math.random() - 0.5).join('').slice(0, 5)}`;
  const nationalId = uniqueNationalId();
  const mobile = uniqueMobile();
  let made: { id: string; reference: string }[] = [];
  let staff: Awaited<ReturnType<typeof seededStaffByRole>>;

  beforeAll(async () => {
    staff = await seededStaffByRole();
    made = await insertRequests([
      { full_name: `نُورَة أحمد ${family}`, national_id: nationalId },
      { full_name: `نوره محمد ${family}`, mobile, status: 'closed' },
      { full_name: `إبراهيم عبدالله ${family}`, mobile },
      { full_name: `Ibrahim Al-Harbi ${family.slice(2)}` },
    ]);
  });

  const queries = () => [
    family, family.slice(2), `نورة ${family}`, `نُورَه ${family.slice(2)}`, `ابراهيم ${family}`, 'ibrahim', `IBRAHIM ${family.slice(2)}`,
    made[0]!.reference.toLowerCase(), made[1]!.reference.replace('-', ' '), made[2]!.reference.slice(4, 9), `irt-${made[3]!.reference.slice(4, 8)}`,
    nationalId, toArabicIndic(nationalId), `0${mobile.slice(4)}`, mobile.replace('+966', '00966 '), toArabicIndic(`0${mobile.slice(4)}`),
    `أحمد ${family.slice(2)}`,
  ];

  it.each(['officer', 'supervisor', 'authority', 'admin'] as const)('finds for the %s exactly what the query matches, open or closed', async (role) => {
    const all = await everyRequest();
    const client = clientAs(staff[role]);
    for (const query of queries()) {
      const { data, error } = await client.rpc('search_requests', { p_query: query }).select('id');
      expect(error, query).toBeNull();
      const expected = all.filter((row) => matches(row, query)).map((r) => r.id).sort();
      expect(expected.length, `${query} finds something`).toBeGreaterThan(0);
      expect((data as { id: string }[]).map((r) => r.id).sort(), query).toEqual(expected);
    }
  });

  it.each(['officer', 'supervisor', 'authority', 'admin'] as const)(
    'finds for the %s a national ID or mobile only whole: part of one finds nothing (it would rebuild a masked number digit by digit)',
    async (role) => {
      const client = clientAs(staff[role]);
      const withNumbers = [made[0]!.id, made[1]!.id, made[2]!.id];
      for (const part of [nationalId.slice(1), nationalId.slice(0, 5), nationalId.slice(-6), `0${mobile.slice(4, -1)}`, mobile.slice(-6), `${made[0]!.reference.slice(4, 8)} ${nationalId.slice(-5)}`]) {
        const { data, error } = await client.rpc('search_requests', { p_query: part }).select('id');
        expect(error, part).toBeNull();
        expect((data as { id: string }[]).map((r) => r.id).filter((id) => withNumbers.includes(id)), part).toEqual([]);
      }
    },
  );

  it('finds the same name whatever diacritics, hamza forms or article are typed', async () => {
    const client = clientAs(staff.officer);
    const found = async (query: string) => ((await client.rpc('search_requests', { p_query: query }).select('id')).data as { id: string }[]).map((r) => r.id).sort();
    const plain = await found(`نوره ${family.slice(2)}`);
    expect(plain).toEqual([made[0]!.id, made[1]!.id].sort());
    for (const variant of [`نُورَة ${family}`, `نورة ${family.slice(2)}`, `نَوْرَه ال${family.slice(2)}`]) expect(await found(variant), variant).toEqual(plain);
    expect(await found(`إبراهيم ${family}`)).toEqual(await found(`ابراهيم ${family.slice(2)}`));
  });

  it('lets PostgREST filter, order, page and count what it returns', async () => {
    const client = clientAs(staff.supervisor);
    const { data, count, error } = await client
      .rpc('search_requests', { p_query: family }, { count: 'exact' })
      .select('reference, status')
      .neq('status', 'closed')
      .order('reference', { ascending: false })
      .range(0, 1);
    expect(error).toBeNull();
    // Every fixture has the family name; the second is closed.
    const open = made.filter((_, i) => i !== 1).map((r) => r.reference).sort().reverse().slice(0, 2);
    expect(count).toBe(3);
    expect((data as { reference: string }[]).map((r) => r.reference)).toEqual(open);
  });

  it('can read through the trigram index (the plan under row-level security could not)', async () => {
    const plan = await withDb(async (db) => {
      await db.query('begin');
      await db.query('set local enable_seqscan = off');
      const { rows } = await db.query(`explain select id from public.support_requests r where r.search_text like '%' || $1 || '%'`, [family.slice(2)]);
      await db.query('rollback');
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('support_requests_search_text_idx');
  });

  it('refuses a query too short for the index or too long, with a key and no rows', async () => {
    const client = clientAs(staff.officer);
    const short = await client.rpc('search_requests', { p_query: 'نو ر' });
    expect(short.status).toBe(400);
    expect(short.error).toMatchObject({ message: 'search_too_short', hint: 'search' });
    const long = await client.rpc('search_requests', { p_query: 'ن'.repeat(201) });
    expect(long.error).toMatchObject({ message: 'search_length', hint: 'search' });
  });

  it('gives nothing to anyone who is not active staff', async () => {
    const anon = await anonClient().rpc('search_requests', { p_query: family });
    expect(anon.data).toBeNull();
    expect(anon.status).toBe(401);
    const outsider = await createUser();
    const notStaff = await clientAs(outsider.id).rpc('search_requests', { p_query: family });
    expect(notStaff.error).toMatchObject({ message: 'role_not_allowed' });
    const former = await createUser({ role: 'officer', active: false });
    const inactive = await clientAs(former.id).rpc('search_requests', { p_query: family });
    expect(inactive.error).toMatchObject({ message: 'staff_inactive' });
    expect(inactive.data).toBeNull();
  });
});

function toArabicIndic(digits: string): string {
  return digits.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
}
