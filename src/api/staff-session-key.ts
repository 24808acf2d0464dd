/**
 * Where the staff workspace's client keeps the signed-in session (localStorage), apart from the
 * public forms. Its own module so the workspace page's head script can tell a returning member
 * from a visitor without loading the client (src/components/staff/StaffPage.astro).
 */
export const STAFF_SESSION_KEY = 'irtiqaa-staff-auth';

/** A classic script for the workspace's head: says on `<html>` whether a session is stored (`data-staff-session`). */
export const SAY_WHETHER_SESSION_STORED = `try{document.documentElement.dataset.staffSession=localStorage.getItem(${JSON.stringify(STAFF_SESSION_KEY)})?'stored':'none'}catch(e){}`;

/** Whether a session is stored (the workspace's API need not load before the visitor signs in otherwise). */
export function sessionStored(): boolean {
  try {
    return localStorage.getItem(STAFF_SESSION_KEY) !== null;
  } catch {
    return false;
  }
}
