// The notify function does its own check of the caller (verify_jwt is off): the bearer token must be
// one of the accepted secrets, compared in constant time. An unset or short secret accepts nothing.
const MIN_SECRET_LENGTH = 32;

function sameText(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let difference = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) difference |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return difference === 0;
}

export function authorized(header: string | null, secrets: (string | undefined)[]): boolean {
  const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
  if (!token) return false;
  return secrets.some((secret) => secret !== undefined && secret.length >= MIN_SECRET_LENGTH && sameText(token, secret));
}
