// The Edge Functions the local stack invokes on a timer, as pg_cron + pg_net do on a hosted
// project (there the same jobs are `cron.schedule(...)` calls in a migration). Later features
// append their jobs here: { function: '<name>', everySeconds: <interval> }.
/** @type {{ function: string, everySeconds: number }[]} */
export const SCHEDULE = [];
