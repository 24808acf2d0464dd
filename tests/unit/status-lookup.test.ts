import { describe, expect, it } from 'vitest';
import { statusLookupSchema } from '../../src/schemas/status-lookup';
import { stepsAhead } from '../../src/lib/request-journey';

const issues = (input: { reference: string; phone_last4: string }) => {
  const result = statusLookupSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('the status lookup form', () => {
  it('accepts a reference as people copy or read it, and Arabic-Indic digits', () => {
    expect(statusLookupSchema.parse({ reference: ' irt 7k2m9qxa ', phone_last4: '٤٥٦٧' })).toEqual({ reference: 'IRT-7K2M9QXA', phone_last4: '4567' });
  });

  it('explains what is missing or malformed', () => {
    expect(issues({ reference: '', phone_last4: '' })).toEqual(['reference_required', 'phone_last4_required']);
    expect(issues({ reference: 'IRT-12', phone_last4: '45a' })).toEqual(['reference_format', 'phone_last4_format']);
  });
});

describe('what comes next for a request', () => {
  it('follows the policy path to the end', () => {
    expect(stepsAhead('submitted')).toEqual(['under_review', 'pending_decision', 'decision', 'registered', 'service_delivered', 'closed']);
    expect(stepsAhead('needs_info')).toEqual(['pending_decision', 'decision', 'registered', 'service_delivered', 'closed']);
    expect(stepsAhead('accepted')).toEqual(['registered', 'service_delivered', 'closed']);
  });

  it('ends with a rejection or a closed request', () => {
    expect(stepsAhead('rejected')).toEqual([]);
    expect(stepsAhead('closed')).toEqual([]);
  });
});
