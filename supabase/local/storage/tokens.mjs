// Signed URL tokens, as the hosted Storage server makes them: JWTs signed with the project's
// secret, scoped to one action and one object (`url` = "<bucket>/<name>").
import { LOCAL_JWT_SECRET, signJwt } from '../keys.mjs';
import { verifyJwt } from '../jwt.mjs';
import { ERRORS } from './errors.mjs';

/** Hosted's default lifetime of a signed upload URL (UPLOAD_SIGNED_URL_EXPIRATION_TIME). */
export const SIGNED_UPLOAD_SECONDS = 2 * 60 * 60;

const now = () => Math.floor(Date.now() / 1000);

export const signUploadToken = ({ url, owner, upsert }) =>
  signJwt({ owner, url, upsert: Boolean(upsert), scope: 'upload', iat: now(), exp: now() + SIGNED_UPLOAD_SECONDS }, LOCAL_JWT_SECRET);

export const signDownloadToken = ({ url, expiresIn }) =>
  signJwt({ url, scope: 'download', iat: now(), exp: now() + expiresIn }, LOCAL_JWT_SECRET);

/** The claims of a token for `scope` on `url`; throws the hosted error otherwise. */
export function verifyObjectToken(token, url, scope) {
  const claims = verifyJwt(token ?? '', LOCAL_JWT_SECRET, 0);
  if (!claims) throw ERRORS.invalidJwt('invalid signature');
  if (claims.scope !== scope) throw ERRORS.invalidSignature(`Token is not scoped for ${scope}`);
  if (claims.url !== url) throw ERRORS.invalidSignature();
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) throw ERRORS.expiredSignature();
  return claims;
}
