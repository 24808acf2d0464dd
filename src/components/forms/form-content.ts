import { getEntry } from 'astro:content';
import { getLocalized } from '../../lib/content';
import { parsePolicySteps } from '../../lib/policy-steps';
import type { Locale } from '../../lib/locale';
import type { ChannelOption } from './types';

/** The eight channels in the editors' order, labelled as content/channels names them. */
export async function channelOptions(locale: Locale): Promise<ChannelOption[]> {
  const entries = await getLocalized('channels', locale);
  return entries.map((entry) => ({ value: entry.data.channel, label: entry.data.title }));
}

/** The policy's handling steps 5 to 7 (what happens after submission), in its own words. */
export async function stepsAfterSubmission(locale: Locale): Promise<string[]> {
  const section = await getEntry('policy', `${locale}/handling-mechanism`);
  if (!section?.body) throw new Error(`content/policy/${locale}/handling-mechanism.md is missing or empty`);
  const { steps } = parsePolicySteps(section.body);
  if (steps.length < 7) throw new Error(`content/policy/${locale}/handling-mechanism.md: expected 7 steps`);
  return steps.slice(4, 7);
}
