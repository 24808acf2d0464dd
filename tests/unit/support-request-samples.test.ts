import { describe, expect, it } from 'vitest';
import { ACCURACY_DECLARATION_VERSION, supportRequestSchema } from '../../src/schemas/support-request';
import { DECLARATION_VERSION, SUPPORT_REQUEST_SAMPLES, VALID_REQUEST } from '../fixtures/support-request-samples';

// The database runs the same table in tests/db/validation-parity.test.ts.
describe('the shared sample table, as the browser judges it', () => {
  it.each(SUPPORT_REQUEST_SAMPLES)('$name → $verdict', ({ change, verdict }) => {
    const result = supportRequestSchema.safeParse({ ...VALID_REQUEST, ...change });
    expect(result.success ? null : result.error.issues[0].message).toBe(verdict);
  });
});

it('the fixtures declare the version of the accuracy declaration the schema has', () => {
  expect(DECLARATION_VERSION).toBe(ACCURACY_DECLARATION_VERSION);
});
