import { describe, expect, it } from 'vitest';
import { anonClient, freshMobile } from './support/clients';
import { SUPPORT_REQUEST_SAMPLES, VALID_REQUEST } from '../fixtures/support-request-samples';
import { ACCURACY_DECLARATION_VERSION } from '../../src/schemas/support-request';

// The browser runs the same table in tests/unit/support-request-samples.test.ts: both must agree.
describe('the shared sample table, as the database judges it', () => {
  it.each(SUPPORT_REQUEST_SAMPLES)('$name → $verdict', async ({ change, verdict }) => {
    const input: Record<string, unknown> = { ...VALID_REQUEST, ...change };
    // Valid mobiles are varied per sample (same last digits) so the daily limit stays out of the way.
    if (!('mobile' in change)) input.mobile = freshMobile();
    const args = Object.fromEntries(Object.entries(input).map(([k, v]) => [`p_${k}`, v]));
    const { data, error, status } = await anonClient().rpc('submit_support_request', {
      ...args,
      p_declaration_version: ACCURACY_DECLARATION_VERSION,
      p_idempotency_key: crypto.randomUUID(),
    });
    if (verdict === null) {
      expect(error).toBeNull();
      expect(data.status).toBe('submitted');
    } else {
      expect(status).toBe(400);
      expect(error?.message).toBe(verdict);
    }
  });
});
