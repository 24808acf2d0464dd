import { describe, expect, it } from 'vitest';
import { privacyNoticeVersion } from '../../src/build/privacy-notice-version.mjs';
import { anonClient, application, staff, withDb } from './support/clients';

/** Each request records the privacy notice its beneficiary accepted, and when (20261201180400_privacy_notice_version.sql). */
const consentOf = (reference: string) =>
  withDb(async (db) => (await db.query(
    'select privacy_notice_version, privacy_accepted_at = created_at as at_submission from public.support_requests where reference = $1', [reference])).rows[0]);

describe('consent to a versioned privacy notice', () => {
  it('records the version the site publishes, from the public form and from staff registering a request', async () => {
    const version = privacyNoticeVersion();
    const online = await anonClient().rpc('submit_support_request', { ...application(), p_messages_by_sms: true, p_messages_by_email: false, p_privacy_notice_version: version });
    expect(online.error).toBeNull();
    expect(await consentOf(online.data.reference)).toEqual({ privacy_notice_version: version, at_submission: true });
    const officer = await staff('officer');
    const registered = await officer.rpc('register_request_on_behalf', {
      ...application(), p_intake_channel: 'phone', p_messages_by_sms: true, p_messages_by_email: false, p_privacy_notice_version: version,
    });
    expect(registered.error).toBeNull();
    expect(await consentOf(registered.data.reference)).toEqual({ privacy_notice_version: version, at_submission: true });
  });

  it('refuses a malformed version and saves nothing', async () => {
    const args = { ...application(), p_messages_by_sms: true, p_messages_by_email: false, p_privacy_notice_version: 'latest' };
    const { error, status } = await anonClient().rpc('submit_support_request', args);
    expect({ status, message: error?.message, hint: error?.hint }).toEqual({ status: 400, message: 'privacy_notice_version_format', hint: 'privacy_consent' });
    const saved = await withDb(async (db) => (await db.query('select count(*)::int as n from public.support_requests where idempotency_key = $1', [args.p_idempotency_key])).rows[0].n);
    expect(saved).toBe(0);
  });

  it('leaves the version empty for a caller that sends none, as before', async () => {
    const { data, error } = await anonClient().rpc('submit_support_request', application());
    expect(error).toBeNull();
    expect(await consentOf(data.reference)).toEqual({ privacy_notice_version: null, at_submission: null });
  });
});
