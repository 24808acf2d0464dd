import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_STAFF, apiUrl, freshMobile, submitRequest } from './support/clients';
import { totpCode } from './support/auth-http';
import { onBehalfRequestSchema, type OnBehalfRequest } from '../../src/schemas/on-behalf-request';
import { DEFAULT_QUEUE_VIEW } from '../../src/schemas/queue-view';
import { VALID_REQUEST } from '../fixtures/support-request-samples';

// The staff workspace's own calls (src/api/staff.ts), unchanged, against the real stack: what
// each answers when the database agrees, and the rule key (and field) it gives when it refuses.
vi.stubEnv('PUBLIC_SUPABASE_URL', apiUrl);
const api = await import('../../src/api/staff');

const onBehalf = (changes: Record<string, unknown> = {}): OnBehalfRequest =>
  ({ ...onBehalfRequestSchema.parse({ ...VALID_REQUEST, mobile: freshMobile(), intake_channel: 'phone' }), ...changes }) as OnBehalfRequest;

describe('the staff API, signed in as the demo officer', () => {
  let officerId = '';
  beforeAll(async () => {
    expect(await api.signIn(DEMO_STAFF.officer.email, 'not-the-password')).toMatchObject({ ok: false, status: 400 });
    expect(await api.signIn(DEMO_STAFF.officer.email, DEMO_STAFF.officer.password)).toEqual({ ok: true });
    const session = await new Promise<import('@supabase/supabase-js').Session | null>((resolve) => {
      const stop = api.watchSession((s) => {
        if (s) {
          stop();
          resolve(s);
        }
      });
    });
    officerId = session!.user.id;
    // The password opens nothing yet: the workspace asks for the authenticator's code.
    const step = await api.twoFactorStep();
    expect(step).toMatchObject({ step: 'code' });
    expect(await api.registerRequestOnBehalf(onBehalf(), crypto.randomUUID())).toEqual({ ok: false, failure: { ruleKey: 'mfa_required', field: null } });
    if (step.step !== 'code') return;
    expect(await api.verifyAuthenticatorCode(step.factorId, '000000')).toEqual({ ok: false, status: 422 });
    expect(await api.verifyAuthenticatorCode(step.factorId, totpCode(DEMO_STAFF.officer.totpSecret))).toEqual({ ok: true, data: null });
    expect(await api.twoFactorStep()).toEqual({ step: 'done' });
  });
  afterAll(() => api.signOut());

  it('reads the member’s own staff row', async () => {
    expect(await api.loadMembership(officerId)).toMatchObject({ user_id: officerId, role: 'officer', active: true });
  });

  it('registers a request on the beneficiary’s behalf and answers its id', async () => {
    const outcome = await api.registerRequestOnBehalf(onBehalf(), crypto.randomUUID());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.data.reference).toMatch(/^IRT-[0-9A-HJKMNP-TV-Z]{8}$/);
    const { request, events } = await api.loadRequest(outcome.data.id!);
    expect(request).toMatchObject({ reference: outcome.data.reference, intake_channel: 'phone', registered_by: officerId, status: 'submitted' });
    expect(events.map((e) => e.kind)).toEqual(['submitted']);
  });

  it('gives the field and rule key of a rule the database refuses', async () => {
    const checksum = await api.registerRequestOnBehalf(onBehalf({ national_id: '1000000009' }), crypto.randomUUID());
    expect(checksum).toEqual({ ok: false, failure: { ruleKey: 'national_id_checksum', field: 'national_id' } });
    const channel = await api.registerRequestOnBehalf(onBehalf({ intake_channel: 'website' }), crypto.randomUUID());
    expect(channel).toEqual({ ok: false, failure: { ruleKey: 'intake_channel_invalid', field: 'intake_channel' } });
  });

  it('moves a request only as the workflow allows, with the database’s key when it refuses', async () => {
    const { reference } = await submitRequest();
    const page = await api.loadQueuePage({ ...DEFAULT_QUEUE_VIEW, q: reference }, officerId);
    expect(page.ok && page.data.rows.map((r) => r.reference)).toEqual([reference]);
    const id = page.ok ? page.data.rows[0]!.id : '';

    expect(await api.transitionRequest(id, 'accepted', null)).toEqual({ ok: false, failure: { ruleKey: 'transition_not_allowed', field: null } });
    expect(await api.transitionRequest(id, 'under_review', null)).toEqual({ ok: true, data: null });
    expect(await api.assignRequest(id, officerId)).toEqual({ ok: true, data: null });
    expect(await api.addRequestNote(id, 'اتصلت بالمستفيد')).toEqual({ ok: true, data: null });
    const { request, events } = await api.loadRequest(id);
    expect(request).toMatchObject({ status: 'under_review', assigned_to: officerId });
    expect(events.map((e) => e.kind)).toEqual(['submitted', 'status_changed', 'assigned', 'note']);
  });

  it('refuses staff administration to an officer with role_not_allowed', async () => {
    expect(await api.setStaffActive(officerId, false)).toEqual({ ok: false, failure: { ruleKey: 'role_not_allowed', field: null } });
    expect(await api.loadMembership(officerId)).toMatchObject({ active: true });
  });
});
