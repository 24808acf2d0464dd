// POST /logout (internal/api/logout.go Logout): after authentication, `scope` must be global
// (the default), local or others; a token that names no session signs the user out everywhere.
import { badRequest } from './errors.mjs';
import { requireAuthentication } from './authenticate.mjs';
import { logoutOthers, logoutSession, logoutUser } from './sessions.mjs';

const SCOPES = new Set(['', 'global', 'local', 'others']);

export async function logout({ req, db, url }) {
  const { user, session } = await requireAuthentication(db, req);
  const scope = url.searchParams.get('scope') ?? '';
  if (!SCOPES.has(scope)) throw badRequest('validation_failed', `Unsupported logout scope ${JSON.stringify(scope)}`);
  if (session && scope === 'local') await logoutSession(db, session.id);
  else if (session && scope === 'others') await logoutOthers(db, session.id, user.id);
  else await logoutUser(db, user.id);
  return { status: 204, body: null };
}
