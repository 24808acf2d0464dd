// The Edge Functions the local stack invokes on a timer, as pg_cron + pg_net do on a hosted
// project (there the same jobs are `cron.schedule(...)` calls in a migration). Later features
// append their jobs here: { function: '<name>', everySeconds: <interval> }.
/** @type {{ function: string, everySeconds: number }[]} */
export const SCHEDULE = [
  // The outbox (issue 13): hosted, pg_cron calls it every minute (20261201140400_notify_schedule.sql).
  { function: 'notify', everySeconds: 60 },
  // Files of uploads reserved over 3 hours ago and never accepted (hosted: 20261201150600_document_cleanup_schedule.sql).
  { function: 'request-documents-cleanup', everySeconds: 3600 },
  // Requests past retention anonymised, their files removed (hosted: 20261201180300_retention_schedule.sql, daily).
  { function: 'retention', everySeconds: 86400 },
];
