import type { KeyWithPrefix, Messages, Translate } from './translate';

/**
 * The UI strings each island receives, by key prefix. Its page picks them at build time
 * (`islandMessages()` in ./index.ts), so the browser gets only these; the island's `t` is typed
 * with the same prefixes, so asking for any other key fails the type check.
 */
export const ISLAND_STRINGS = {
  request: ['request.', 'form.', 'errors.'],
  track: ['track.', 'form.', 'errors.track.'],
  survey: ['survey.', 'form.', 'errors.survey.'],
  // The staff form shares the request form's fields, and with them the character count.
  staff: ['staff.', 'errors.', 'form.error.', 'request.description.count'],
  // The live refresh of the service figures writes only these; the rest is in the page.
  figures: ['figures.live.', 'figures.hidden'],
  // The private page shows the status as /track does and the survey as /survey does.
  private: [
    'private.', 'track.found.', 'track.status.', 'track.explain.', 'track.window.', 'track.contactUs', 'track.timeline.', 'track.next.',
    'survey.', 'form.', 'errors.survey.', 'errors.reply.', 'errors.documents.', 'errors.dataRequest.',
  ],
} as const;

export type Island = keyof typeof ISLAND_STRINGS;
export type IslandKey<I extends Island> = KeyWithPrefix<(typeof ISLAND_STRINGS)[I][number]>;
export type IslandMessages<I extends Island> = Messages<IslandKey<I>>;
export type IslandTranslate<I extends Island> = Translate<IslandKey<I>>;
