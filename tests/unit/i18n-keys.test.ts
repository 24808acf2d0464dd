import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ar from '../../src/i18n/ar.json';
import en from '../../src/i18n/en.json';
import { MY_WORK_SECTIONS } from '../../src/api/staff';
import { DUPLICATE_OUTCOMES, REQUEST_EVENT_CODES, REQUEST_EVENT_KINDS } from '../../src/api/staff-types';
import { DOCUMENT_CALL_RULE_KEYS, STAFF_RULE_KEYS } from '../../src/components/staff/db-error';
import { SHORTCUTS } from '../../src/components/staff/shortcuts';
import { COPY_SECTIONS } from '../../src/components/private/data-copy-html';
import { CORRECTABLE_FIELDS, DATA_REQUEST_KINDS, DATA_REQUEST_OUTCOMES } from '../../src/lib/data-requests';
import { LOCALES } from '../../src/lib/locale';
import { DATA_AUDIENCES, DATA_KEEPING, DATA_PURPOSES, DATA_REPLACEMENTS, noticeFieldId, noticeRows } from '../../src/lib/personal-data-map';
import { OUTREACH_CHANNELS, OUTREACH_MOMENTS } from '../../supabase/functions/_shared/pure/moments.ts';
import type { DeadlineState } from '../../src/lib/deadlines';
import { stepsAhead } from '../../src/lib/request-journey';
import { REQUEST_STATUSES, STAFF_ROLES, TRANSITIONS } from '../../src/lib/workflow';
import { CHANNELS } from '../../src/schemas/channels';
import { FAQ_CATEGORIES } from '../../src/schemas/content';
import { DATA_REQUEST_RULE_KEYS } from '../../src/schemas/data-request-rules';
import { ON_BEHALF_RULE_FIELDS } from '../../src/schemas/on-behalf-request';
import { DOCUMENT_RULE_KEYS, REPLY_RULE_KEYS } from '../../src/schemas/private-reply';
import { RATINGS, RATING_DIMENSIONS, SURVEY_RULE_FIELDS } from '../../src/schemas/satisfaction-survey';
import { QUEUE_RULE_KEYS, QUEUE_SCOPES } from '../../src/schemas/queue-view';
import { STATUS_LOOKUP_RULES } from '../../src/schemas/status-lookup';
import { BENEFICIARY_CATEGORIES, REQUEST_TYPES } from '../../src/schemas/support-request';
import { filesUnder, repoRoot } from '../support/source-files';

// Every key the code asks for has a string in both languages, and every string is asked for.
// Literal keys (`t('staff.loading')`) are also typed from ar.json, so a typo fails `astro check`;
// this test adds the keys code builds at run time, which the type checker cannot always follow.

// The CMS has Decap's own strings, not these.
const sources = filesUnder('src', /\.(ts|tsx|astro|mjs)$/, ['src/cms']).map((path) => ({ path, text: readFileSync(join(repoRoot, path), 'utf8') }));

const KEYS = Object.keys(ar);
const NAMESPACES = new Set(KEYS.map((key) => key.split('.')[0]!));
const startsAsKey = (text: string) => NAMESPACES.has(text.split('.')[0]!);

/** `'staff.loading'`, "nav.policy" or `form.error.prefix` (no `${}`) as written in code. */
const literalKeys = sources.flatMap(({ path, text }) =>
  [...text.matchAll(/(['"`])([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)\1/g)].filter((m) => startsAsKey(m[2]!)).map((m) => ({ path, key: m[2]! })),
);
/** `` `staff.status.${s}` `` as the pattern `staff.status.*`. */
const builtPatterns = sources.flatMap(({ path, text }) =>
  [...text.matchAll(/`([a-z][A-Za-z0-9]*\.[^`]*?\$\{[^`]*)`/g)]
    .filter((m) => startsAsKey(m[1]!))
    .map((m) => ({ path, pattern: m[1]!.replace(/\$\{(?:[^{}]|\{[^}]*\})*\}/g, '*') })),
);

const deadlineStates = Object.keys({ decided: 1, on_time: 1, due_soon: 1, overdue: 1 } satisfies Record<DeadlineState, 1>);
const noteStatuses = TRANSITIONS.filter((t) => t.noteRequired).map((t) => t.to);
const nextSteps = [...new Set(REQUEST_STATUSES.flatMap((status) => stepsAhead(status)))];

/**
 * The keys code builds at run time, each with the list its values come from (one list for each
 * `*`). `null`: the values are a fixed list in the page or component itself, so the type check
 * holds them to the locale file; or, for the handling steps, a step an editor adds may have no
 * explanation yet and the page shows the policy's words instead.
 */
const RUNTIME_KEYS: Record<string, readonly (readonly string[])[] | null> = {
  'errors.*': [[...Object.keys(ON_BEHALF_RULE_FIELDS), ...DOCUMENT_CALL_RULE_KEYS]],
  'errors.dataRequest.*': [DATA_REQUEST_RULE_KEYS],
  'errors.documents.*': [DOCUMENT_RULE_KEYS],
  'errors.reply.*': [REPLY_RULE_KEYS],
  'errors.survey.*': [Object.keys(SURVEY_RULE_FIELDS)],
  'errors.track.*': [STATUS_LOOKUP_RULES],
  'faq.category.*': [FAQ_CATEGORIES],
  'figures.dimension.*': [RATING_DIMENSIONS],
  'handling.step*.*': null,
  'home.action.*.text': null,
  'home.action.*.title': null,
  'privacy.map.field.*': [noticeRows().map(noticeFieldId)],
  'privacy.map.kept.*': [DATA_KEEPING],
  'privacy.map.purpose.*': [DATA_PURPOSES],
  'privacy.map.replacement.*': [DATA_REPLACEMENTS],
  'privacy.map.seenBy.*': [DATA_AUDIENCES],
  'private.data.*': [['unavailable', 'request_anonymised']],
  'private.data.field.*': [CORRECTABLE_FIELDS],
  'private.data.kind.*': [DATA_REQUEST_KINDS],
  'private.data.section.*': [COPY_SECTIONS],
  'private.role.*': [STAFF_ROLES],
  'request.category.*': [BENEFICIARY_CATEGORIES],
  'request.requestType.*': [REQUEST_TYPES],
  'staff.action.*': [TRANSITIONS.map((t) => t.action)],
  'staff.actions.noteRequired.*': [noteStatuses],
  'staff.category.*': [BENEFICIARY_CATEGORIES],
  'staff.channel.*': [CHANNELS],
  'staff.deadline.*': [deadlineStates],
  'staff.dataRequests.kind.*': [DATA_REQUEST_KINDS],
  'staff.dataRequests.outcome.*.*': [['correction', 'removal'], DATA_REQUEST_OUTCOMES],
  'staff.duplicates.outcome.*': [DUPLICATE_OUTCOMES],
  'staff.dimension.*': [RATING_DIMENSIONS],
  'staff.error.*': [STAFF_RULE_KEYS],
  'staff.locale.*': [LOCALES],
  'staff.message.channel.*': [OUTREACH_CHANNELS],
  'staff.message.moment.*': [OUTREACH_MOMENTS],
  'staff.field.*': null,
  'staff.keys.*': [SHORTCUTS.map((s) => s.action)],
  'staff.mine.*.hint': [MY_WORK_SECTIONS],
  'staff.mine.*.none': [MY_WORK_SECTIONS],
  'staff.mine.*.title': [MY_WORK_SECTIONS],
  'staff.queue.error.*': [QUEUE_RULE_KEYS],
  'staff.queue.scope.*': [QUEUE_SCOPES],
  'staff.requestType.*': [REQUEST_TYPES],
  'staff.role.*': [STAFF_ROLES],
  'staff.status.*': [REQUEST_STATUSES],
  'staff.timeline.code.*': [REQUEST_EVENT_CODES],
  'staff.timeline.kind.*': [REQUEST_EVENT_KINDS],
  'survey.*.legend': [RATING_DIMENSIONS],
  'survey.rating.*': [RATINGS],
  'track.explain.*': [REQUEST_STATUSES],
  'track.next.*': [nextSteps],
  'track.status.*': [REQUEST_STATUSES],
};

const matcher = (pattern: string) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[A-Za-z0-9_]+')}$`);
const expand = (pattern: string, lists: readonly (readonly string[])[]): string[] =>
  lists.reduce<string[]>((keys, values) => keys.flatMap((key) => values.map((value) => key.replace('*', value))), [pattern]);

describe('UI string keys in code and in the locale files', () => {
  it('finds the code that asks for strings (the scan is not empty)', () => {
    expect(literalKeys.length).toBeGreaterThan(300);
    expect(builtPatterns.length).toBeGreaterThan(30);
  });

  it.each([
    ['ar', ar],
    ['en', en],
  ] as const)('has every key the code names in %s.json', (_locale, strings) => {
    const missing = literalKeys.filter(({ key }) => !(key in strings)).map(({ path, key }) => `${path}: ${key}`);
    expect(missing).toEqual([]);
  });

  it('lists every key pattern the code builds, with the values it is built from', () => {
    const unlisted = builtPatterns.filter(({ pattern }) => !(pattern in RUNTIME_KEYS)).map(({ path, pattern }) => `${path}: ${pattern}`);
    expect(unlisted).toEqual([]);
    const stale = Object.keys(RUNTIME_KEYS).filter((pattern) => !builtPatterns.some((built) => built.pattern === pattern));
    expect(stale).toEqual([]);
  });

  it('has no string that nothing uses', () => {
    const used = new Set(literalKeys.map(({ key }) => key));
    const patterns = Object.keys(RUNTIME_KEYS).map(matcher);
    const unused = KEYS.filter((key) => !used.has(key) && !patterns.some((pattern) => pattern.test(key)));
    expect(unused).toEqual([]);
  });

  it.each(Object.entries(RUNTIME_KEYS).filter(([, lists]) => lists === null))('finds strings for %s, whose values the type check holds', (pattern) => {
    expect(KEYS.filter((key) => matcher(pattern).test(key)).length).toBeGreaterThan(0);
  });
});

describe('labels for every value a UI list is built from', () => {
  const listed = Object.entries(RUNTIME_KEYS).filter((entry): entry is [string, readonly (readonly string[])[]] => entry[1] !== null);

  it.each(listed)('%s has a label for each value in both languages', (pattern, lists) => {
    const keys = expand(pattern, lists);
    expect(keys.length).toBeGreaterThan(0);
    const missing = keys.flatMap((key) => [...(key in ar ? [] : [`ar: ${key}`]), ...(key in en ? [] : [`en: ${key}`])]);
    expect(missing).toEqual([]);
  });

  it('names the missing label when a list gains a value', () => {
    const keys = expand('staff.status.*', [[...REQUEST_STATUSES, 'on_hold']]);
    expect(keys.filter((key) => !(key in ar))).toEqual(['staff.status.on_hold']);
  });
});
