import { describe, expect, it } from 'vitest';
import { classifyRpcError } from '../../src/api/rpc-outcome';
import { REQUEST_RULE_FIELDS } from '../../src/schemas/support-request';
import { SURVEY_RULE_FIELDS } from '../../src/schemas/satisfaction-survey';

describe('what a refusal from the database means for the form', () => {
  it('puts a rule the database refused on the field PostgREST names in the hint', () => {
    expect(classifyRpcError({ code: '23514', message: 'national_id_checksum', hint: 'national_id' }, 400, REQUEST_RULE_FIELDS)).toEqual({
      kind: 'rule',
      ruleKey: 'national_id_checksum',
      field: 'national_id',
    });
  });

  it('falls back to the schema’s field for the rule when the hint is missing or unknown', () => {
    expect(classifyRpcError({ message: 'email_format', hint: null }, 400, REQUEST_RULE_FIELDS)).toMatchObject({ field: 'email' });
    expect(classifyRpcError({ message: 'email_format', hint: 'nonsense' }, 400, REQUEST_RULE_FIELDS)).toMatchObject({ field: 'email' });
    expect(classifyRpcError({ message: 'declaration_version_required', hint: 'accuracy_confirmed' }, 400, REQUEST_RULE_FIELDS)).toMatchObject({
      field: 'accuracy_confirmed',
    });
  });

  it('reads the daily limit and its retry time', () => {
    const error = { code: 'P0429', message: 'mobile_daily_limit', details: '{"retry_after_seconds":3600}', hint: 'mobile' };
    expect(classifyRpcError(error, 429, REQUEST_RULE_FIELDS)).toEqual({ kind: 'limit', ruleKey: 'mobile_daily_limit', field: 'mobile', retryAfterSeconds: 3600 });
  });

  it('keeps spam refusals off the fields', () => {
    expect(classifyRpcError({ message: 'filled_too_fast', hint: 'form' }, 400, REQUEST_RULE_FIELDS)).toMatchObject({ field: 'form' });
  });

  it('treats a lost connection, a 5xx or an unknown message as "try again", never as the applicant’s mistake', () => {
    expect(classifyRpcError({ message: 'TypeError: Failed to fetch', hint: '' }, 0, REQUEST_RULE_FIELDS)).toEqual({ kind: 'unavailable' });
    expect(classifyRpcError({ message: 'national_id_checksum' }, 503, REQUEST_RULE_FIELDS)).toEqual({ kind: 'unavailable' });
    expect(classifyRpcError({ message: 'permission denied for table x', code: '42501' }, 401, REQUEST_RULE_FIELDS)).toEqual({ kind: 'unavailable' });
  });

  it('places the survey’s rules on their fields, and knows no reference_unknown (issue 15, hole 5)', () => {
    expect(classifyRpcError({ message: 'reference_format', hint: 'reference' }, 400, SURVEY_RULE_FIELDS)).toMatchObject({ kind: 'rule', field: 'reference' });
    expect(Object.keys(SURVEY_RULE_FIELDS)).not.toContain('reference_unknown');
  });
});
