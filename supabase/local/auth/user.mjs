// GET /user (internal/api/user.go UserGet): the signed-in user, once the token's audience
// matches the request's.
import { badRequest } from './errors.mjs';
import { AUTH_CONFIG } from './config.mjs';
import { requestAud, requireAuthentication } from './authenticate.mjs';
import { userJson } from './users.mjs';

export async function getUser({ req, db }) {
  const { claims, user } = await requireAuthentication(db, req);
  const tokenAudience = claims.aud?.[0];
  if (!tokenAudience || requestAud(req, claims, AUTH_CONFIG) !== tokenAudience) {
    throw badRequest('validation_failed', "Token audience doesn't match request audience");
  }
  return { status: 200, body: userJson(user) };
}
