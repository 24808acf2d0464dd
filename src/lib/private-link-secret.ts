/** How long a private link keeps working after its request is closed (internal.private_link_lifetime_after_closing()). */
export const PRIVATE_LINK_DAYS_AFTER_CLOSING = 90;

/**
 * The secret a page address carries (`location.hash`): 144 random bits in base64url, 24
 * characters; '' when it carries none. A message app may have run a full stop or a bracket into
 * the link: only the secret's own characters count.
 */
export function secretOf(hash: string): string {
  return /^#?([A-Za-z0-9_-]{24})(?![A-Za-z0-9_-])/.exec(hash.trim())?.[1] ?? '';
}
