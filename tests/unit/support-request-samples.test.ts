import { describe, expect, it } from 'vitest';
import { supportRequestSchema } from '../../src/schemas/support-request';
import { SUPPORT_REQUEST_SAMPLES, VALID_REQUEST } from '../fixtures/support-request-samples';

// The database runs the same table in tests/db/validation-parity.test.ts.
describe('the shared sample table, as the browser judges it', () => {
  it.each(SUPPORT_REQUEST_SAMPLES)('$name → $verdict', ({ change, verdict }) => {
    const result = supportRequestSchema.safeParse({ ...VALID_REQUEST, ...change });
    expect(result.success ? null : result.error.issues[0].message).toBe(verdict);
  });
});
