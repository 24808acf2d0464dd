/**
 * How many loops send side by side (NOTIFY_LANES, 1 to 8; default 2): more lanes send faster to a
 * slow provider, and a crash may then repeat up to one message per lane (supabase/CONTRACT.md,
 * "Outbox"). Two meet the 100 messages per second of bench/outreach; one did not on this machine.
 */
export const DEFAULT_LANES = 2;

export function sendingLanes(env: (name: string) => string | undefined): number {
  return Math.min(8, Math.max(1, Number(env('NOTIFY_LANES') ?? DEFAULT_LANES) || DEFAULT_LANES));
}
