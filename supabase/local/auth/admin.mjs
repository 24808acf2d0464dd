// The one endpoint of GoTrue's admin API the project uses (internal/api/api.go, the /admin routes:
// requireAdminCredentials, then loadUser for /users/{user_id}, loadFactor for
// /factors/{factor_id}; admin.go adminUserDeleteFactor): the staff-factors Edge Function deletes a
// member's factor with `supabase.auth.admin.mfa.deleteFactor` once the database has checked the
// caller. Every other admin path answers as supabase/CONTRACT.md ("Local auth") says.
import { MethodNotAllowed, forbidden, notFound } from './errors.mjs';
import { AUTH_CONFIG } from './config.mjs';
import { requireClaims } from './authenticate.mjs';
import { parseGoUuid } from './go-uuid.mjs';
import { findUserById, factorJson } from './users.mjs';
import { deleteFactor, loadFactor } from './mfa/factors.mjs';
import { notLocal } from './disabled.mjs';

const FACTOR_PATH = /^\/admin\/users\/([^/]+)\/factors\/([^/]+)\/?$/;

/** middleware.go requireAdminCredentials + auth.go requireAdmin. */
function requireAdminCredentials(req) {
  const claims = requireClaims(req);
  if (!AUTH_CONFIG.adminRoles.includes(claims.role)) throw forbidden('not_admin', 'User not allowed');
}

/** admin.go loadUser. */
async function loadUser(db, segment) {
  const userId = parseGoUuid(decodeSegment(segment));
  if (userId.error) throw notFound('validation_failed', 'user_id must be an UUID');
  const user = await findUserById(db, userId.uuid);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Everything under /admin. */
export async function adminApi({ db, req, url }) {
  requireAdminCredentials(req);
  const match = FACTOR_PATH.exec(url.pathname);
  if (!match) throw notLocal('The Auth admin API');
  const user = await loadUser(db, match[1]);
  const factor = await loadFactor(db, user, decodeSegment(match[2]));
  if (req.method === 'PUT') throw notLocal('Updating a factor through the Auth admin API');
  if (req.method !== 'DELETE') throw new MethodNotAllowed();
  await deleteFactor(db, factor);
  return { status: 200, body: factorJson(factor) };
}
