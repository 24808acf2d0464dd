// MFA factors and challenges in the database (internal/models/factor.go, challenge.go) and the
// checks GoTrue runs before enrolling (internal/api/mfa.go validateFactors) or acting on a factor
// (internal/api/admin.go loadFactor).
import { randomUUID } from 'node:crypto';
import { forbidden, notFound, unprocessable } from '../errors.mjs';
import { parseGoUuid } from '../go-uuid.mjs';
import { AUTH_CONFIG } from '../config.mjs';

const { mfa } = AUTH_CONFIG;

/** loadFactor: the factor named in the path, if it is the user's. */
export async function loadFactor(db, user, factorIdSegment) {
  const factorId = parseGoUuid(factorIdSegment);
  if (factorId.error) throw notFound('validation_failed', 'factor_id must be an UUID');
  const { rows } = await db.query(
    `select id, user_id, friendly_name, factor_type::text, status::text, secret, phone, created_at, updated_at, last_challenged_at
       from auth.mfa_factors where id = $1 and user_id = $2`,
    [factorId.uuid, user.id],
  );
  if (!rows[0]) throw notFound('mfa_factor_not_found', 'Factor not found');
  return rows[0];
}

/** validateFactors: expired unverified factors go first, then name, count and aal checks. */
export async function validateNewFactor(db, user, session, friendlyName) {
  await db.query(
    `delete from auth.mfa_factors f where f.user_id = $1 and f.status <> 'verified'
        and not exists (select 1 from auth.mfa_challenges c where c.factor_id = f.id)
        and f.created_at + make_interval(secs => $2) < now()`,
    [user.id, mfa.factorExpirySeconds],
  );
  const { rows } = await db.query(`select coalesce(friendly_name, '') as name, status::text from auth.mfa_factors where user_id = $1`, [user.id]);
  if (rows.some((f) => f.name === friendlyName)) {
    throw unprocessable('mfa_factor_name_conflict', `A factor with the friendly name ${JSON.stringify(friendlyName)} for this user already exists`);
  }
  const verified = rows.filter((f) => f.status === 'verified').length;
  if (rows.length >= mfa.maxEnrolledFactors || verified >= mfa.maxVerifiedFactors) {
    throw unprocessable('too_many_enrolled_mfa_factors', 'Maximum number of verified factors reached, unenroll to continue');
  }
  if (verified > 0 && session.aal !== 'aal2') throw forbidden('insufficient_aal', 'AAL2 required to enroll a new factor');
}

export async function insertTotpFactor(db, user, friendlyName, secret) {
  const { rows } = await db.query(
    `insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
     values ($1, $2, $3, 'totp', 'unverified', now(), now(), $4) returning id`,
    [randomUUID(), user.id, friendlyName, secret],
  );
  return rows[0].id;
}

/** Factor.CreateChallenge + WriteChallengeToDatabase: also stamps the factor's last_challenged_at. */
export async function createChallenge(db, factor, ip) {
  const { rows } = await db.query(
    `insert into auth.mfa_challenges (id, factor_id, created_at, ip_address) values ($1, $2, now(), $3::inet)
     returning id, floor(extract(epoch from created_at))::bigint + $4 as expires_at`,
    [randomUUID(), factor.id, ip || '0.0.0.0', mfa.challengeExpirySeconds],
  );
  await db.query('update auth.mfa_factors set last_challenged_at = now() where id = $1', [factor.id]);
  return { id: rows[0].id, expiresAt: Number(rows[0].expires_at) };
}

/** Factor.FindChallengeByID, with what validateChallenge needs to know about it. */
export async function findChallenge(db, factor, challengeId) {
  const { rows } = await db.query(
    `select id, verified_at, host(ip_address) as ip,
            created_at + make_interval(secs => $3) < now() as expired
       from auth.mfa_challenges where id = $1 and factor_id = $2`,
    [challengeId, factor.id, mfa.challengeExpirySeconds],
  );
  return rows[0] ?? null;
}

/**
 * tx.Destroy(factor) + Factor.DowngradeSessionsToAAL1 (UnenrollFactor, adminUserDeleteFactor): the
 * sessions upgraded with this factor lose its claim and go back to aal1.
 */
export async function deleteFactor(db, factor) {
  await db.query('delete from auth.mfa_factors where id = $1', [factor.id]);
  await db.query(
    `delete from auth.mfa_amr_claims where authentication_method = 'totp'
        and session_id in (select id from auth.sessions where factor_id = $1)`,
    [factor.id],
  );
  await db.query(`update auth.sessions set aal = 'aal1', factor_id = null where user_id = $1 and factor_id = $2`, [factor.user_id, factor.id]);
}
