import { describe, expect, it } from 'vitest';
import { anonClient, staff, submitRequest, requestId } from './support/clients';

const lookUp = async (reference: string, last4: string) =>
  (await anonClient().rpc('get_request_status', { p_reference: reference, p_phone_last4: last4 })).data;

describe('following a request by reference and the last four digits of the mobile', () => {
  it('shows status, dates and the timeline of status changes, never personal data', async () => {
    const receipt = await submitRequest({ p_mobile: '0561239876', p_full_name: 'Layla Hassan' });
    const officer = await staff('officer');
    await officer.rpc('transition_request', { p_request_id: await requestId(receipt.reference), p_to: 'under_review' });
    const found = await lookUp(receipt.reference, '9876');
    expect(found).toMatchObject({
      outcome: 'found',
      reference: receipt.reference,
      status: 'under_review',
      decision_due_from: receipt.decision_due_from,
      decision_due_by: receipt.decision_due_by,
      decided_at: null,
    });
    expect(found.timeline.map((t: { status: string }) => t.status)).toEqual(['submitted', 'under_review']);
    const text = JSON.stringify(found);
    for (const personal of ['Layla', '0561239876', '+966561239876', '1000000008', 'الرياض']) expect(text).not.toContain(personal);
  });

  it('accepts the reference as people type it: lower case, no dash, Arabic-Indic digits', async () => {
    const receipt = await submitRequest({ p_mobile: '0561110042' });
    const typed = receipt.reference.toLowerCase().replace('-', ' ');
    expect(await lookUp(typed, '٠٠٤٢')).toMatchObject({ outcome: 'found', reference: receipt.reference });
  });

  it('says not found for a wrong mobile, and after 5 wrong guesses in 15 minutes refuses even the right one', async () => {
    const receipt = await submitRequest({ p_mobile: '0567770001' });
    for (let guess = 0; guess < 5; guess++) {
      expect(await lookUp(receipt.reference, String(1000 + guess))).toEqual({ outcome: 'not_found' });
    }
    const throttled = await lookUp(receipt.reference, '0001');
    expect(throttled.outcome).toBe('throttled');
    expect(throttled.retry_after_seconds).toBeGreaterThan(14 * 60);
    expect(throttled.retry_after_seconds).toBeLessThanOrEqual(15 * 60);
    // Another reference is not affected.
    const other = await submitRequest({ p_mobile: '0567770002' });
    expect((await lookUp(other.reference, '0002')).outcome).toBe('found');
  });

  it('says not found for a reference that does not exist', async () => {
    expect(await lookUp('IRT-00000000', '1234')).toEqual({ outcome: 'not_found' });
  });

  it('counts parallel wrong guesses one by one', async () => {
    const receipt = await submitRequest({ p_mobile: '0567770003' });
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => lookUp(receipt.reference, String(2000 + i))));
    expect(outcomes.filter((o) => o.outcome === 'not_found')).toHaveLength(5);
    expect(outcomes.filter((o) => o.outcome === 'throttled')).toHaveLength(7);
  });
});
