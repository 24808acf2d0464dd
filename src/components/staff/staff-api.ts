/**
 * The workspace's API (src/api/staff.ts, with supabase-js), loaded once it is needed: the
 * sign-in form is on screen and usable before it has arrived (issue 18). One download per page;
 * a failed one (offline) is tried again on the next call.
 */
let loading: Promise<typeof import('../../api/staff')> | null = null;

export function staffApi() {
  loading ??= import('../../api/staff').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
