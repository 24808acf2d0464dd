// PostgREST query-string abuse as the public, through the gateway: filters, embeddings and
// ordering on hidden columns, huge limits/ranges, counts, HEAD. Nothing may be revealed: no rows,
// no counts, no stored values. A 400 naming a column that does not exist on that table, or
// refusing aggregates, reveals only the schema, which is public (migrations, OpenAPI).
import { beforeAll, describe, expect, it } from 'vitest';
import { apiUrl, LOCAL_ANON_KEY, submitRequest } from './support/clients';

const HIDDEN = ['staff', 'support_requests', 'request_events', 'satisfaction_surveys'] as const;
const MARKER = 'قاسم مرصود';

const ABUSES: Array<{ name: string; query: string; headers?: Record<string, string>; method?: string }> = [
  { name: 'or= on hidden columns', query: 'or=(national_id.eq.1000000008,mobile.like.*5*)' },
  { name: 'embedding events', query: 'select=*,request_events!request_events_request_id_fkey(*)' },
  { name: 'order= on a hidden column', query: 'select=reference&order=national_id.desc' },
  { name: 'limit=1000000', query: 'limit=1000000' },
  { name: 'Range 0-999999', query: 'select=*', headers: { Range: '0-999999', 'Range-Unit': 'items' } },
  { name: 'select=count()', query: 'select=count()' },
  { name: 'Prefer: count=exact', query: 'select=reference', headers: { Prefer: 'count=exact' } },
  { name: 'HEAD with count=exact', query: 'select=*', headers: { Prefer: 'count=exact' }, method: 'HEAD' },
];

describe('the public cannot read hidden tables through query tricks', () => {
  beforeAll(async () => {
    await submitRequest({ p_full_name: MARKER, p_mobile: '0551234987' });
  });

  for (const table of HIDDEN) {
    it.each(ABUSES)(`${table}: $name reveals nothing`, async ({ query, headers, method }) => {
      const response = await fetch(`${apiUrl}/rest/v1/${table}?${query}`, {
        method: method ?? 'GET',
        headers: { apikey: LOCAL_ANON_KEY, ...headers },
      });
      expect([400, 401, 403]).toContain(response.status);
      const range = response.headers.get('content-range');
      expect(range === null || /^\*\/\*$/.test(range)).toBe(true);
      const body = await response.text();
      expect(body).not.toContain(MARKER);
      expect(body).not.toContain('1234987');
      expect(body).not.toMatch(/IRT-[0-9A-Z]{8}/);
    });
  }

  it('a status lookup with filters and ordering added still answers only for the reference asked', async () => {
    const receipt = await submitRequest({ p_mobile: '0551112299' });
    const response = await fetch(
      `${apiUrl}/rest/v1/rpc/get_request_status?p_reference=IRT-00000000&p_phone_last4=0000&or=(status.eq.submitted)&order=reference&limit=1000000`,
      { headers: { apikey: LOCAL_ANON_KEY, Prefer: 'count=exact' } },
    );
    const body = await response.text();
    expect(body).not.toContain(receipt.reference);
    expect(body).not.toContain('1112299');
  });
});
