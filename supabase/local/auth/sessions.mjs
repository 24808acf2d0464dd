// Sessions and what GoTrue derives from them (internal/models/sessions.go, amr.go): each
// session's authentication methods in auth.mfa_amr_claims, its aal, its refresh-token counter.
import { randomUUID } from 'node:crypto';
import { newRefreshTokenKey } from './refresh-token.mjs';

const AAL2_METHODS = new Set(['totp', 'mfa/phone', 'mfa/webauthn']);

/** models.NewSession + SetupRefreshTokenData + ApplyGrantParams, saved. */
export async function createSession(db, userId, { userAgent, ip, factorId = null }) {
  const { rows } = await db.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, factor_id, aal, user_agent, ip,
                                refresh_token_hmac_key, refresh_token_counter)
     values ($1, $2, now(), now(), $3, 'aal1', nullif($4, ''), nullif($5, '')::inet, $6, 0) returning *`,
    [randomUUID(), userId, factorId, userAgent ?? '', ip ?? '', newRefreshTokenKey()],
  );
  return rows[0];
}

/** models.FindSessionByID; `forUpdate` locks it for the rest of the transaction. */
export async function findSession(db, id, { forUpdate = false } = {}) {
  const { rows } = await db.query(
    `select *, (not_after is not null and now() > not_after) as past_not_after,
            abs(extract(epoch from (now() at time zone 'UTC') - coalesce(refreshed_at, created_at at time zone 'UTC'))) as seconds_since_refresh
       from auth.sessions where id = $1 ${forUpdate ? 'for update' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** models.AddClaimToSession: records (or renews the time of) an authentication method. */
export async function addAmrClaim(db, sessionId, method) {
  await db.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values ($1, $2, now(), now(), $3)
     on conflict on constraint mfa_amr_claims_session_id_authentication_method_pkey do update set updated_at = now()`,
    [randomUUID(), sessionId, method],
  );
}

/** Session.CalculateAALAndAMR: aal2 with any second factor; amr newest first, times in seconds. */
export async function aalAndAmr(db, sessionId) {
  const { rows } = await db.query(
    `select authentication_method as method, floor(extract(epoch from updated_at))::bigint as timestamp
       from auth.mfa_amr_claims where session_id = $1`,
    [sessionId],
  );
  const amr = rows
    .map((r) => ({ method: r.method, timestamp: Number(r.timestamp) }))
    .sort((a, b) => b.timestamp - a.timestamp);
  return { aal: amr.some((e) => AAL2_METHODS.has(e.method)) ? 'aal2' : 'aal1', amr };
}

/** models.Logout / LogoutSession / LogoutAllExceptMe. */
export const logoutUser = (db, userId) => db.query('delete from auth.sessions where user_id = $1', [userId]);
export const logoutSession = (db, sessionId) => db.query('delete from auth.sessions where id = $1', [sessionId]);
export const logoutOthers = (db, sessionId, userId) =>
  db.query('delete from auth.sessions where id <> $1 and user_id = $2', [sessionId, userId]);
