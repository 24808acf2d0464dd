/*
 * The policy's own numbers, each defined once (docs/ARCHITECTURE.md, "The decision window" and
 * "Where each rule lives"). Immutable functions rather than a settings table: a policy number
 * changes only with a release, together with its TypeScript constant and the published text, never
 * on its own from a dashboard; and Postgres folds an immutable SQL function into the statement that
 * calls it, so reading the number costs nothing. tests/db/policy-parity.test.ts compares each with
 * its TypeScript constant.
 */

/**
 * Policy, handling step 5: the authorised person answers "no less than two weeks and no more than
 * six weeks" after submission. Mirrored by DECISION_MIN_DAYS / DECISION_MAX_DAYS in
 * src/lib/decision-window.ts. Used by internal.create_request (both ways of submitting) and the seed.
 */
create function internal.decision_window(out opens_after interval, out closes_after interval)
language sql immutable parallel safe as $$
  select interval '14 days', interval '42 days'
$$;

revoke all on function internal.decision_window() from public, anon, authenticated, service_role;
