// Possible duplicates: raised when the same national ID or mobile has another open request,
// cleared when staff link the pair or dismiss the flag (both histories record it) or when the
// other request closes; checked before an officer registers a request.
import { beforeAll, describe, expect, it } from 'vitest';
import { withDb } from './support/clients';
import { clientAs, seededStaffByRole } from './support/staff-clients';
import { insertRequests, uniqueMobile, uniqueNationalId } from './support/workspace-fixtures';

let staff: Awaited<ReturnType<typeof seededStaffByRole>>;
beforeAll(async () => {
  staff = await seededStaffByRole();
});

// The computed field on support_requests needs the whole row, which staff may not select since
// masking; the request page asks request_possible_duplicate(), search rows carry the field.
const flags = async (ids: string[]) => Object.fromEntries(await Promise.all(ids.map(async (id) => {
  const { data, error } = await clientAs(staff.officer).rpc('request_possible_duplicate', { p_request_id: id });
  expect(error).toBeNull();
  return [id, data as boolean] as const;
})));
const duplicateEvents = (id: string) =>
  withDb(async (db) => (await db.query(
    `select kind::text, related_request_id, actor_id from public.request_events where request_id = $1 and kind::text like 'duplicate_%' order by id`, [id])).rows);

describe('possible duplicates', () => {
  it('are raised on both open requests of the same national ID, and dismissing clears both, recorded in both histories', async () => {
    const nationalId = uniqueNationalId();
    const [first, second, alone] = await insertRequests([{ national_id: nationalId }, { national_id: nationalId, status: 'under_review' }, {}]);
    expect(await flags([first!.id, second!.id, alone!.id])).toEqual({ [first!.id]: true, [second!.id]: true, [alone!.id]: false });

    const { data: listed } = await clientAs(staff.officer).rpc('request_duplicates', { p_request_id: first!.id });
    expect(listed).toEqual([expect.objectContaining({ id: second!.id, same_national_id: true, same_mobile: false, outcome: null, possible_duplicate: true })]);

    const { error } = await clientAs(staff.officer).rpc('review_possible_duplicate', { p_request_id: second!.id, p_other_request_id: first!.id, p_outcome: 'dismissed' });
    expect(error).toBeNull();
    expect(await flags([first!.id, second!.id])).toEqual({ [first!.id]: false, [second!.id]: false });
    expect(await duplicateEvents(first!.id)).toEqual([{ kind: 'duplicate_dismissed', related_request_id: second!.id, actor_id: staff.officer }]);
    expect(await duplicateEvents(second!.id)).toEqual([{ kind: 'duplicate_dismissed', related_request_id: first!.id, actor_id: staff.officer }]);
  });

  it('are raised on the same mobile too; linking records the link, and the flag goes when the other request closes', async () => {
    const mobile = uniqueMobile();
    const [a, b, c] = await insertRequests([{ mobile }, { mobile }, { mobile, status: 'service_delivered' }]);
    expect(await flags([a!.id, b!.id, c!.id])).toEqual({ [a!.id]: true, [b!.id]: true, [c!.id]: true });

    expect((await clientAs(staff.supervisor).rpc('review_possible_duplicate', { p_request_id: a!.id, p_other_request_id: b!.id, p_outcome: 'linked' })).error).toBeNull();
    const { data } = await clientAs(staff.officer).rpc('request_duplicates', { p_request_id: a!.id });
    expect(data).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: b!.id, outcome: 'linked', possible_duplicate: false, same_mobile: true }),
      expect.objectContaining({ id: c!.id, outcome: null, possible_duplicate: true }),
    ]));
    expect(await duplicateEvents(b!.id)).toEqual([{ kind: 'duplicate_linked', related_request_id: a!.id, actor_id: staff.supervisor }]);

    // c closes: a is no longer a possible duplicate of anything open and unreviewed.
    expect((await clientAs(staff.officer).rpc('transition_request', { p_request_id: c!.id, p_to: 'closed' })).error).toBeNull();
    expect(await flags([a!.id, b!.id])).toEqual({ [a!.id]: false, [b!.id]: false });
  });

  it('can only be reviewed between requests that share a national ID or mobile, by those who work requests, with a known outcome', async () => {
    const [x, y] = await insertRequests([{}, {}]);
    const review = (who: keyof typeof staff, outcome: string, other = y!.id) =>
      clientAs(staff[who]).rpc('review_possible_duplicate', { p_request_id: x!.id, p_other_request_id: other, p_outcome: outcome });
    expect((await review('officer', 'linked')).error).toMatchObject({ message: 'duplicate_not_matching' });
    expect((await review('officer', 'merged')).error).toMatchObject({ message: 'duplicate_outcome_invalid', hint: 'outcome' });
    expect((await review('officer', 'linked', x!.id)).error).toMatchObject({ message: 'duplicate_not_matching' });
    expect((await review('authority', 'linked')).error).toMatchObject({ message: 'role_not_allowed' });
    expect(await duplicateEvents(x!.id)).toEqual([]);
  });

  it('are found before registering: the open requests of a national ID typed in Arabic-Indic digits, or of a mobile', async () => {
    const nationalId = uniqueNationalId();
    const mobile = uniqueMobile();
    const [open, closed, byMobile] = await insertRequests([{ national_id: nationalId }, { national_id: nationalId, status: 'closed' }, { mobile }]);
    const arabicIndic = nationalId.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
    const { data } = await clientAs(staff.officer).rpc('open_requests_for_applicant', { p_national_id: arabicIndic, p_mobile: `0${mobile.slice(4)}` });
    const ids = (data as { id: string }[]).map((r) => r.id).sort();
    expect(ids).toEqual([open!.id, byMobile!.id].sort());
    expect(ids).not.toContain(closed!.id);
    expect((await clientAs(staff.authority).rpc('open_requests_for_applicant', { p_national_id: nationalId, p_mobile: '' })).error).toMatchObject({ message: 'role_not_allowed' });
  });
});
