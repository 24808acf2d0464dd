/**
 * A private link's secret handed from one view to the next (registering on a beneficiary's behalf
 * opens the new request's page), so it is shown there once and kept nowhere after.
 */
let issued: { requestId: string; secret: string } | null = null;

export function rememberIssuedLink(requestId: string, secret: string) {
  issued = { requestId, secret };
}

/** The secret issued for this request a moment ago, once; null afterwards. */
export function takeIssuedLink(requestId: string): string | null {
  if (issued?.requestId !== requestId) return null;
  const { secret } = issued;
  issued = null;
  return secret;
}
