// GoTrue's routes (internal/api/api.go NewAPIWithVersion) and the middleware each runs first.
// A path GoTrue does not know answers net/http's plain 404; a known path with another method,
// chi's 405 (after the middleware of a mounted route, as chi runs it).
import { MethodNotAllowed, RouteNotFound, badRequest, forbidden } from './errors.mjs';
import { requireAuthentication } from './authenticate.mjs';
import { passwordGrant, refreshTokenGrant } from './token.mjs';
import { logout } from './logout.mjs';
import { getUser } from './user.mjs';
import { health, jwks, openIdConfiguration, settings } from './info.mjs';
import { SWITCHED_OFF, invite, notLocal, pkceGrant, signup, web3Grant } from './disabled.mjs';
import { adminApi } from './admin.mjs';
import { loadFactor } from './mfa/factors.mjs';
import { challengeFactor, enrollFactor, unenrollFactor, verifyFactor } from './mfa/endpoints.mjs';

const fail = (error) => () => {
  throw error();
};
const off = (feature) => fail(() => notLocal(feature));

/** Token: grant_type from the query (or a form body), checked before anything else. */
async function token(ctx) {
  const grant = ctx.url.searchParams.get('grant_type') ?? (await ctx.formGrantType());
  const grants = {
    password: passwordGrant,
    refresh_token: refreshTokenGrant,
    pkce: pkceGrant,
    web3: web3Grant,
    id_token: off('Sign-in with an ID token'),
  };
  if (!Object.hasOwn(grants, grant)) throw badRequest('invalid_credentials', 'unsupported_grant_type');
  return { status: 200, body: await grants[grant](ctx) };
}

const authenticated = (handler, check = requireAuthentication) => async (ctx) => {
  ctx.auth = await check(ctx.db, ctx.req);
  return handler(ctx);
};

// path -> { methods, mounted (chi Route: trailing slash allowed, middleware before the 405), before }
const ROUTES = {
  '/health': { GET: health },
  '/.well-known/jwks.json': { GET: jwks },
  '/.well-known/openid-configuration': { GET: openIdConfiguration },
  '/.well-known/oauth-authorization-server': { GET: fail(SWITCHED_OFF.oauthServer) },
  '/settings': { GET: settings },
  '/authorize': { GET: off('Sign-in with external providers') },
  '/callback': { mounted: true, GET: off('Sign-in with external providers'), POST: off('Sign-in with external providers') },
  '/invite': { POST: invite },
  '/signup': { mounted: true, POST: signup },
  '/recover': { POST: off('Password recovery') },
  '/resend': { POST: off('Resending emails and SMS') },
  '/magiclink': { POST: off('Magic link sign-in') },
  '/otp': { POST: off('One-time password sign-in') },
  '/token': { POST: token },
  '/verify': { mounted: true, GET: off('Email and SMS verification'), POST: off('Email and SMS verification') },
  '/logout': { POST: logout },
  '/reauthenticate': { mounted: true, before: requireAuthentication, GET: off('Reauthentication') },
  '/user': { mounted: true, before: requireAuthentication, GET: getUser, PUT: authenticated(off('Updating a user')) },
  '/factors': { mounted: true, before: requireFactorsAccess, POST: authenticated(enrollFactor, requireFactorsAccess) },
};

// Mounted subtrees whose middleware answers every path and method under them.
const SUBTREES = [
  ['/sso', fail(SWITCHED_OFF.saml)],
  ['/passkeys', fail(SWITCHED_OFF.passkeys)],
  ['/oauth', fail(SWITCHED_OFF.oauthServer)],
  ['/scim/v2', fail(SWITCHED_OFF.scim)],
  ['/admin', adminApi],
  ['/user/identities', authenticated(fail(SWITCHED_OFF.manualLinking))],
  ['/user/oauth/grants', authenticated(fail(SWITCHED_OFF.oauthServer))],
];

/** /factors runs requireAuthentication and requireNotAnonymous for everything under it. */
async function requireFactorsAccess(db, req) {
  const auth = await requireAuthentication(db, req);
  if (auth.claims.is_anonymous) throw forbidden('no_authorization', 'Anonymous user not allowed to perform these actions');
  return auth;
}

const FACTOR_ACTIONS = {
  '': { DELETE: unenrollFactor },
  '/verify': { POST: verifyFactor },
  '/challenge': { POST: challengeFactor },
};

/** /factors/{factor_id}[/verify|/challenge]: loadFactor runs before the action (and before a 404 or 405). */
async function factorRoute(ctx, rest) {
  const [, segment, action = ''] = /^\/([^/]+)(\/.*)?$/.exec(rest) ?? [];
  ctx.auth = await requireFactorsAccess(ctx.db, ctx.req);
  ctx.factor = await loadFactor(ctx.db, ctx.auth.user, decodeURIComponentSafe(segment));
  const methods = FACTOR_ACTIONS[action.replace(/\/$/, '')];
  if (!methods) throw new RouteNotFound();
  if (!methods[ctx.req.method]) throw new MethodNotAllowed();
  return methods[ctx.req.method](ctx);
}

function decodeURIComponentSafe(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Runs the route for ctx.url and ctx.req.method; returns { status, body, headers }. */
export async function dispatch(ctx) {
  const path = ctx.url.pathname;
  const method = ctx.req.method;
  const exact = ROUTES[path] ?? (path.endsWith('/') && ROUTES[path.slice(0, -1)]?.mounted ? ROUTES[path.slice(0, -1)] : null);
  if (exact) {
    if (exact[method]) return exact[method](ctx);
    if (exact.before) await exact.before(ctx.db, ctx.req);
    throw new MethodNotAllowed();
  }
  if (path.startsWith('/factors/') && path.length > '/factors/'.length) return factorRoute(ctx, path.slice('/factors'.length));
  const subtree = SUBTREES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  if (subtree) return subtree[1](ctx);
  const mount = Object.entries(ROUTES).find(([prefix, route]) => route.before && path.startsWith(`${prefix}/`));
  if (mount) await mount[1].before(ctx.db, ctx.req);
  throw new RouteNotFound();
}
