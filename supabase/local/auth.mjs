// The part of Supabase Auth (GoTrue) that @supabase/supabase-js uses for staff password sign-in:
// /token (password and refresh_token grants), /user and /logout, with GoTrue's JSON shapes,
// status codes and error codes. Refresh tokens are stored as SHA-256 hashes and rotate on use.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { LOCAL_JWT_SECRET, signJwt } from './keys.mjs';
import { bearerToken, verifyJwt } from './jwt.mjs';
import { UNAVAILABLE, isDatabaseUnavailable, unavailableHeaders } from './unavailable.mjs';
import { createSignInThrottle } from './sign-in-throttle.mjs';

const ACCESS_TOKEN_SECONDS = 3600;
const API_VERSION = '2024-01-01';
const REFRESH_REUSE_INTERVAL_MS = 10_000;

const hashToken = (token) => createHash('sha256').update(token).digest('hex');
const newRefreshToken = () => randomBytes(9).toString('base64url').slice(0, 12) + randomBytes(16).toString('hex');

class AuthError extends Error {
  /** `keepChanges`: commit what the request did before refusing (revoking a leaked session). */
  constructor(status, code, message, { keepChanges = false, headers = {} } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.keepChanges = keepChanges;
    this.headers = headers;
  }
}

function userJson(u) {
  return {
    id: u.id,
    aud: u.aud ?? 'authenticated',
    role: u.role ?? 'authenticated',
    email: u.email,
    email_confirmed_at: u.email_confirmed_at,
    phone: u.phone ?? '',
    confirmed_at: u.confirmed_at,
    last_sign_in_at: u.last_sign_in_at,
    app_metadata: u.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
    user_metadata: u.raw_user_meta_data ?? {},
    identities: [],
    created_at: u.created_at,
    updated_at: u.updated_at,
    is_anonymous: u.is_anonymous ?? false,
  };
}

export function createAuth({ pool, issuer, signInThrottle = createSignInThrottle() }) {
  async function findUser(client, id) {
    const { rows } = await client.query('select * from auth.users where id = $1 and deleted_at is null', [id]);
    return rows[0] ?? null;
  }

  async function issueSession(client, user, sessionId, parent) {
    const refreshToken = newRefreshToken();
    await client.query(
      `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, parent, session_id)
       values ($1, $2, false, now(), now(), $3, $4)`,
      [hashToken(refreshToken), user.id, parent, sessionId],
    );
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + ACCESS_TOKEN_SECONDS;
    const accessToken = signJwt(
      {
        aud: 'authenticated',
        exp,
        iat,
        iss: issuer,
        sub: user.id,
        email: user.email,
        phone: user.phone ?? '',
        app_metadata: user.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
        user_metadata: user.raw_user_meta_data ?? {},
        role: 'authenticated',
        aal: 'aal1',
        amr: [{ method: 'password', timestamp: iat }],
        session_id: sessionId,
        is_anonymous: false,
      },
      LOCAL_JWT_SECRET,
    );
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      expires_at: exp,
      refresh_token: refreshToken,
      user: userJson(user),
    };
  }

  // Checked before the password, so a locked account answers the same whatever is typed.
  async function throttledPasswordGrant(body, ip) {
    const email = String(body.email ?? '').trim().toLowerCase();
    const waitMs = signInThrottle.waitMs(email, ip);
    if (waitMs > 0) {
      throw new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached', {
        headers: { 'retry-after': String(Math.ceil(waitMs / 1000)) },
      });
    }
    try {
      const session = await inTransaction((c) => passwordGrant(c, body));
      signInThrottle.succeeded(email);
      return session;
    } catch (error) {
      if (error instanceof AuthError && error.code === 'invalid_credentials') signInThrottle.failed(email, ip);
      throw error;
    }
  }

  async function passwordGrant(client, body) {
    const email = String(body.email ?? '').trim().toLowerCase();
    const password = String(body.password ?? '');
    if (!email || !password) throw new AuthError(400, 'validation_failed', 'missing email or phone');
    const { rows } = await client.query(
      `select * from auth.users
        where lower(email) = $1 and deleted_at is null and encrypted_password is not null
          and encrypted_password = extensions.crypt($2, encrypted_password)`,
      [email, password],
    );
    const user = rows[0];
    if (!user) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
    if (user.banned_until && new Date(user.banned_until) > new Date()) throw new AuthError(400, 'user_banned', 'User is banned');
    if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
    const sessionId = randomUUID();
    await client.query(
      `insert into auth.sessions (id, user_id, created_at, updated_at, aal) values ($1, $2, now(), now(), 'aal1')`,
      [sessionId, user.id],
    );
    const { rows: updated } = await client.query(
      'update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1 returning *',
      [user.id],
    );
    return issueSession(client, updated[0], sessionId, null);
  }

  async function refreshGrant(client, body) {
    const token = String(body.refresh_token ?? '');
    if (!token) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    const { rows } = await client.query(
      `select r.*, s.not_after from auth.refresh_tokens r join auth.sessions s on s.id = r.session_id
        where r.token = $1 for update of r`,
      [hashToken(token)],
    );
    const stored = rows[0];
    if (!stored) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    if (stored.revoked) {
      // Two tabs refreshing at once: within GoTrue's reuse interval the session goes on.
      const reused = Date.now() - new Date(stored.updated_at).getTime() < REFRESH_REUSE_INTERVAL_MS;
      if (!reused) {
        // A rotated token presented again later means it leaked: end the whole session, as GoTrue does.
        await client.query('delete from auth.sessions where id = $1', [stored.session_id]);
        throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used', { keepChanges: true });
      }
    }
    const user = await findUser(client, stored.user_id);
    if (!user) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    if (!stored.revoked) {
      await client.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [stored.id]);
    }
    await client.query('update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1', [stored.session_id]);
    return issueSession(client, user, stored.session_id, stored.token);
  }

  /** GoTrue's requireAuthentication + session check. Returns { claims, user }. */
  async function authenticate(client, req) {
    const token = bearerToken(req);
    if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
    const claims = verifyJwt(token);
    if (!claims || typeof claims.sub !== 'string') {
      throw new AuthError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, token is unverifiable or expired');
    }
    const user = await findUser(client, claims.sub).catch(() => null);
    if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    if (claims.session_id) {
      const { rowCount } = await client.query('select 1 from auth.sessions where id = $1 and user_id = $2', [claims.session_id, user.id]);
      if (!rowCount) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    return { claims, user };
  }

  async function inTransaction(fn) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query(error.keepChanges ? 'commit' : 'rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async function route(req, url, readBody) {
    const path = url.pathname;
    if (path === '/token' && req.method === 'POST') {
      const grant = url.searchParams.get('grant_type');
      const body = await readBody();
      if (grant === 'password') return [200, await throttledPasswordGrant(body, req.socket.remoteAddress ?? '')];
      if (grant === 'refresh_token') return [200, await inTransaction((c) => refreshGrant(c, body))];
      throw new AuthError(400, 'validation_failed', 'unsupported_grant_type');
    }
    if (path === '/user' && req.method === 'GET') {
      const { user } = await inTransaction((c) => authenticate(c, req));
      return [200, userJson(user)];
    }
    if (path === '/logout' && req.method === 'POST') {
      const scope = url.searchParams.get('scope') ?? 'global';
      await inTransaction(async (c) => {
        const { claims, user } = await authenticate(c, req);
        if (scope === 'local') await c.query('delete from auth.sessions where id = $1', [claims.session_id]);
        else if (scope === 'others') await c.query('delete from auth.sessions where user_id = $1 and id <> $2', [user.id, claims.session_id]);
        else await c.query('delete from auth.sessions where user_id = $1', [user.id]);
      });
      return [204, null];
    }
    if (path === '/.well-known/jwks.json' && req.method === 'GET') {
      // HS256 only, as a project with a shared secret: no public keys (supabase-js then verifies with /user).
      return [200, { keys: [] }];
    }
    if (path === '/settings' && req.method === 'GET') {
      return [200, { external: { email: true, phone: false }, disable_signup: true, mailer_autoconfirm: false, phone_autoconfirm: false, sms_provider: '', saml_enabled: false }];
    }
    if (path === '/health' && req.method === 'GET') {
      await pool.query('select 1');
      return [200, { version: 'irtiqaa-local', name: 'GoTrue', description: 'GoTrue subset of the Irtiqaa local stack' }];
    }
    throw new AuthError(404, 'not_found', 'Not found');
  }

  /** Handles /auth/v1/<path>; `url.pathname` has the prefix stripped. */
  return async function handle(req, url, readBody, send) {
    const versioned = (req.headers['x-supabase-api-version'] ?? '') >= API_VERSION;
    const headers = versioned ? { 'x-supabase-api-version': API_VERSION } : {};
    try {
      const [status, body] = await route(req, url, readBody);
      send(status, body, headers);
    } catch (error) {
      if (!(error instanceof AuthError) && isDatabaseUnavailable(error)) {
        Object.assign(headers, unavailableHeaders);
        error = new AuthError(503, UNAVAILABLE.code, UNAVAILABLE.message);
      } else if (!(error instanceof AuthError)) {
        console.error('[auth]', error);
        error = new AuthError(500, 'unexpected_failure', 'Unexpected failure');
      }
      Object.assign(headers, error.headers);
      const body = versioned
        ? { code: error.code, message: error.message }
        : { code: error.status, error_code: error.code, msg: error.message };
      send(error.status, body, headers);
    }
  };
}
