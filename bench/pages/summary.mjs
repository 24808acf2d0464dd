// What the bench keeps of a Lighthouse result (lhr), and the `--explain` detail of what moved
// and what blocked the main thread.

const rounded = (score) => Math.round(score * 100);
const counts = (audit) => audit && !['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode) && audit.score !== null;

/**
 * A category's score as Lighthouse computes it (the weighted mean of its scored audits), with the
 * `accepted` audits counted as passed. Throws if the plain recomputation disagrees with
 * Lighthouse's own score, so a change in its formula cannot go unnoticed.
 */
export function categoryScore(lhr, id, accepted = []) {
  const category = lhr.categories[id];
  const refs = category.auditRefs.filter((ref) => ref.weight > 0 && counts(lhr.audits[ref.id]));
  const mean = (scoreOf) => refs.reduce((sum, ref) => sum + scoreOf(ref) * ref.weight, 0) / refs.reduce((sum, ref) => sum + ref.weight, 0);
  const plain = mean((ref) => lhr.audits[ref.id].score);
  if (Math.abs(plain - category.score) > 0.005) throw new Error(`${id}: recomputed ${plain}, Lighthouse says ${category.score}`);
  return rounded(mean((ref) => (accepted.includes(ref.id) ? 1 : lhr.audits[ref.id].score)));
}

export function summary(lhr, accepted = []) {
  const value = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    performance: rounded(lhr.categories.performance.score),
    accessibility: rounded(lhr.categories.accessibility.score),
    bestPractices: rounded(lhr.categories['best-practices'].score),
    seo: rounded(lhr.categories.seo.score),
    seoWithoutAccepted: categoryScore(lhr, 'seo', accepted),
    fcpMs: Math.round(value('first-contentful-paint')),
    lcpMs: Math.round(value('largest-contentful-paint')),
    tbtMs: Math.round(value('total-blocking-time')),
    cls: Number(value('cumulative-layout-shift').toFixed(3)),
    bytes: value('total-byte-weight'),
    // What pulled a category down: every scored audit below 0.9, by id.
    failing: Object.values(lhr.audits)
      .filter((a) => counts(a) && a.score < 0.9)
      .map((a) => a.id),
  };
}

const shortUrl = (url) => (url ? String(url).replace(/^https?:\/\/[^/]+/, '') : '(no script)');

/** Lines saying what shifted (and Lighthouse's guess why), the long tasks and the script time per file. */
export function explanation(lhr) {
  const lines = [];
  for (const item of lhr.audits['layout-shifts']?.details?.items ?? []) {
    const causes = (item.subItems?.items ?? []).map((s) => `${s.cause}${s.extra?.value ? ` ${shortUrl(s.extra.value)}` : ''}`);
    lines.push(`  shift ${item.score.toFixed(3)}  ${item.node?.selector ?? '?'}  ${item.node?.snippet?.slice(0, 80) ?? ''}${causes.length ? `  (${causes.join('; ')})` : ''}`);
  }
  for (const task of lhr.audits['long-tasks']?.details?.items ?? []) {
    lines.push(`  long task ${Math.round(task.duration)} ms at ${Math.round(task.startTime)} ms  ${shortUrl(task.url)}`);
  }
  for (const script of (lhr.audits['bootup-time']?.details?.items ?? []).slice(0, 5)) {
    lines.push(`  script ${shortUrl(script.url)}: ${Math.round(script.scripting)} ms scripting, ${Math.round(script.scriptParseCompile)} ms parse`);
  }
  return lines;
}
