/**
 * Splits the body of the "handling mechanism" policy section (Markdown) into its introduction
 * and its numbered steps, so /how-we-handle shows the policy's own words from content/.
 */
export function parsePolicySteps(markdown: string): { intro: string; steps: string[] } {
  const lines = markdown.split(/\r?\n/).map((line) => line.trim());
  const steps = lines.map((line) => /^\d+[.)]\s+(.+)$/.exec(line)?.[1]).filter((step): step is string => !!step);
  const intro = lines.filter((line) => line && !/^\d+[.)]\s/.test(line)).join(' ');
  return { intro, steps };
}
