import { describe, expect, it } from 'vitest';
import { apiUrl, LOCAL_ANON_KEY } from './support/clients';

const anon = { apikey: LOCAL_ANON_KEY, authorization: `Bearer ${LOCAL_ANON_KEY}` };

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
}

describe('every gateway response carries the API security headers', () => {
  it('on PostgREST answers, success and refusal', async () => {
    const ok = await fetch(`${apiUrl}/rest/v1/`, { headers: anon });
    expectSecurityHeaders(ok);
    const missing = await fetch(`${apiUrl}/rest/v1/no_such_table`, { headers: anon });
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expectSecurityHeaders(missing);
  });

  it('on auth answers, the health check, an unknown path and a missing API key (401)', async () => {
    const settings = await fetch(`${apiUrl}/auth/v1/settings`, { headers: anon });
    expectSecurityHeaders(settings);
    const health = await fetch(`${apiUrl}/health`);
    expect(health.status).toBe(200);
    expectSecurityHeaders(health);
    const unknown = await fetch(`${apiUrl}/nowhere`, { headers: anon });
    expect(unknown.status).toBe(404);
    expectSecurityHeaders(unknown);
    const noKey = await fetch(`${apiUrl}/rest/v1/`);
    expect(noKey.status).toBe(401);
    expectSecurityHeaders(noKey);
  });

  it('on CORS preflights', async () => {
    const preflight = await fetch(`${apiUrl}/rest/v1/rpc/submit_support_request`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:7321', 'access-control-request-method': 'POST' },
    });
    expectSecurityHeaders(preflight);
  });
});
