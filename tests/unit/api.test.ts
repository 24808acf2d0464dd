import { describe, expect, it } from 'vitest';
import { LOCAL_SUPABASE_ANON_KEY, LOCAL_SUPABASE_URL } from '../../src/api/config';
import { requestArguments } from '../../src/api/request-arguments';
import { ACCURACY_DECLARATION_VERSION, supportRequestSchema } from '../../src/schemas/support-request';
import { portsFor } from '../../config/ports.mjs';
import { LOCAL_ANON_KEY } from '../../supabase/local/keys.mjs';
import { VALID_REQUEST } from '../fixtures/support-request-samples';

describe('where the browser finds the local stack', () => {
  it('uses the local stack’s own anon key and gateway port when the build sets none', () => {
    expect(LOCAL_SUPABASE_ANON_KEY).toBe(LOCAL_ANON_KEY);
    expect(new URL(LOCAL_SUPABASE_URL).port).toBe(String(portsFor(0).api));
  });
});

describe('the arguments of a request, public or registered by staff', () => {
  it('sends every field of the schema, the declaration version and the idempotency key', () => {
    const request = supportRequestSchema.parse(VALID_REQUEST);
    const args = requestArguments(request, '00000000-0000-4000-8000-000000000000');
    expect(Object.keys(args).sort()).toEqual([...Object.keys(supportRequestSchema.shape).map((field) => `p_${field}`), 'p_declaration_version', 'p_idempotency_key', 'p_privacy_notice_version'].sort());
    expect(args).toMatchObject({ p_mobile: '+966551234567', p_declaration_version: ACCURACY_DECLARATION_VERSION, p_idempotency_key: '00000000-0000-4000-8000-000000000000' });
  });
});
