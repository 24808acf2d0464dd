/** How long a private link keeps working after its request is closed (internal.private_link_lifetime_after_closing()). */
export const PRIVATE_LINK_DAYS_AFTER_CLOSING = 90;

/**
 * The secret a page address carries (`location.hash`): 144 random bits in base64url, 24
 * characters; '' when it carries none. A message app may have run a full stop or a bracket into
 * the link: only the secret's own characters count.
 */
export function secretOf(hash: string): string {
  return SECRET_IN_HASH.exec(hash.trim())?.[1] ?? '';
}

const SECRET_IN_HASH = /^#?([A-Za-z0-9_-]{24})(?![A-Za-z0-9_-])/;

/**
 * A classic script for the private page's head: before the first paint it says on `<html>`
 * whether the address carries a secret (`data-private-link="given"` or `"none"`), so the server
 * HTML shows the right first state (src/components/private/private.css).
 */
export const SAY_WHETHER_LINK_GIVEN = `document.documentElement.dataset.privateLink=${SECRET_IN_HASH}.test(location.hash.trim())?'given':'none'`;
