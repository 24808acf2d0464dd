// One run of the notify function (docs/ARCHITECTURE.md, "Outreach"): sweep for overdue requests,
// then claim due messages in batches and send them one at a time, recording each outcome before
// the next send. One at a time is what bounds a crash to one duplicate: a run killed between a
// provider's acceptance and the record leaves exactly that message to be claimed and sent again
// once its lease is over (supabase/CONTRACT.md, "Outbox"). `lanes` runs that many such loops side
// by side, for providers slow to answer: a crash then repeats at most one message per lane. No
// Deno here: the runtime is passed in.
import { composeMessage, type ClaimedMessage } from '../pure/compose.ts';
import type { PublishedTemplates } from '../pure/published.ts';
import { SEND_TIMEOUT_MS, type SendEmail, type SendOutcome, type SendSms } from '../providers/outcome.ts';

export type Rpc = <T>(name: string, args: Record<string, unknown>) => Promise<T>;

export interface DrainDeps {
  rpc: Rpc;
  templates: () => Promise<PublishedTemplates>;
  sms: SendSms;
  email: SendEmail;
  /** SITE_URL: the links in messages start with it. */
  siteUrl: string;
  log?: (line: string) => void;
  now?: () => number;
  /** Loops sending side by side (NOTIFY_LANES, default 2): each may repeat one message if the run is killed. */
  lanes?: number;
}

export interface DrainSummary {
  claimed: number;
  sent: number;
  queued: number;
  failed: number;
  stale: number;
  overdueFlagged: number;
  /** Why the run stopped early, if it did (templates or database unavailable). */
  stopped?: string;
}

export const BATCH_SIZE = 20;
export const LEASE_SECONDS = 60;
/** A run gives up claiming after this long; the next call (woken or scheduled) carries on. */
export const RUN_BUDGET_MS = 50_000;
const MARGIN_MS = 5_000;

async function deliver(claimed: ClaimedMessage, deps: DrainDeps, published: PublishedTemplates): Promise<SendOutcome> {
  let composed;
  try {
    composed = composeMessage(claimed, published, deps.siteUrl);
  } catch (error) {
    return { kind: 'refused', reason: String((error as Error).message) };
  }
  if (composed.channel === 'sms') return deps.sms({ to: composed.to, text: composed.text, messageId: claimed.id });
  return deps.email({
    to: composed.to, subject: composed.subject, text: composed.text, html: composed.html, messageId: claimed.id,
    idempotencyKey: `irtiqaa-outbox-${claimed.id}-${claimed.retries}`,
  });
}

const OUTCOME: Record<SendOutcome['kind'], string> = { accepted: 'sent', retry: 'retry', refused: 'failed' };

/** Records an outcome, trying a few times (the database may be restarting); throws if it never could. */
async function record(deps: DrainDeps, claimed: ClaimedMessage, outcome: SendOutcome): Promise<string> {
  const detail = outcome.kind === 'accepted' ? outcome.providerId : outcome.reason;
  let lastError: unknown;
  for (const wait of [0, 250, 1000, 3000]) {
    if (wait) await new Promise((r) => setTimeout(r, wait));
    try {
      return await deps.rpc<string>('record_message_result', { p_id: claimed.id, p_claim: claimed.claim, p_outcome: OUTCOME[outcome.kind], p_detail: detail });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

export async function drain(deps: DrainDeps, budgetMs = RUN_BUDGET_MS): Promise<DrainSummary> {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => {});
  const started = now();
  const summary: DrainSummary = { claimed: 0, sent: 0, queued: 0, failed: 0, stale: 0, overdueFlagged: 0 };
  // The supervisor's flag does not wait for the messages: sweep first.
  try {
    summary.overdueFlagged = await deps.rpc<number>('queue_overdue_messages', {});
  } catch (error) {
    log(`overdue sweep failed: ${(error as Error).message}`);
  }
  let published: PublishedTemplates;
  try {
    published = await deps.templates();
  } catch (error) {
    // Without templates nothing is claimed: the messages wait in the outbox, their tries untouched.
    summary.stopped = `templates unavailable: ${(error as Error).message}`;
    return summary;
  }
  const lane = async () => {
    while (!summary.stopped && now() - started < budgetMs) {
      const claimedAt = now();
      let batch: ClaimedMessage[];
      try {
        batch = await deps.rpc<ClaimedMessage[]>('claim_messages', { p_limit: BATCH_SIZE, p_lease_seconds: LEASE_SECONDS });
      } catch (error) {
        summary.stopped = `database unavailable: ${(error as Error).message}`;
        return;
      }
      if (batch.length === 0) return;
      summary.claimed += batch.length;
      const leaseEnds = claimedAt + LEASE_SECONDS * 1000;
      for (const claimed of batch) {
        // Not enough lease left for a send that may take SEND_TIMEOUT_MS: leave the rest to the next claim.
        if (summary.stopped || now() + SEND_TIMEOUT_MS + MARGIN_MS > leaseEnds) break;
        const outcome = await deliver(claimed, deps, published);
        let recorded: string;
        try {
          recorded = await record(deps, claimed, outcome);
        } catch (error) {
          summary.stopped = `could not record message ${claimed.id}: ${(error as Error).message}`;
          return;
        }
        if (recorded === 'sent') summary.sent += 1;
        else if (recorded === 'queued') summary.queued += 1;
        else if (recorded === 'failed') summary.failed += 1;
        else summary.stale += 1;
        if (outcome.kind !== 'accepted') log(`message ${claimed.id} (${claimed.moment}, ${claimed.channel}): ${recorded}: ${outcome.reason}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.floor(deps.lanes ?? 1)) }, lane));
  return summary;
}
