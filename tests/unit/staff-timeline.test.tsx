import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Timeline from '../../src/components/staff/Timeline';
import { translator, type RuntimeTranslate } from '../../src/i18n/translate';
import type { RequestEvent } from '../../src/api/staff-types';
import { messages } from '../../src/i18n';

const event = (fields: Partial<RequestEvent>): RequestEvent => ({
  id: 1, request_id: 'r', created_at: '2026-11-20T09:00:00Z', kind: 'note', from_status: null, to_status: null,
  actor_id: null, actor_role: null, note: null, code: null, intake_channel: null, assigned_to: null, ...fields,
});

const makeT = (strings: (typeof messages)['ar']) => translator(strings) as RuntimeTranslate;

const render = (locale: 'ar' | 'en', events: RequestEvent[]) =>
  renderToStaticMarkup(<Timeline t={makeT(messages[locale])} locale={locale} events={events} staff={[]} />);

describe('the staff timeline', () => {
  it.each(['ar', 'en'] as const)('shows what the database recorded in words, never its codes (%s)', (locale) => {
    const html = render(locale, [
      event({ id: 1, kind: 'submitted', to_status: 'submitted', code: 'registered_on_behalf', intake_channel: 'phone' }),
      // History written before the code column: the migration gave it the code, the note stayed.
      event({ id: 2, kind: 'submitted', to_status: 'submitted', code: 'registered_on_behalf', intake_channel: 'letter', note: 'registered_on_behalf:letter' }),
      event({ id: 3, kind: 'follow_up', code: 'low_satisfaction_score', note: 'low_satisfaction_score' }),
    ]);
    const say = makeT(messages[locale]);
    expect(html).toContain(say('staff.timeline.code.registered_on_behalf', { channel: say('staff.channel.phone') }));
    expect(html).toContain(say('staff.timeline.code.registered_on_behalf', { channel: say('staff.channel.letter') }));
    expect(html).toContain(say('staff.timeline.code.low_satisfaction_score'));
    expect(html).not.toMatch(/registered_on_behalf|low_satisfaction_score|staff\.timeline/);
  });

  it('shows a note staff wrote as they wrote it', () => {
    const html = render('ar', [event({ kind: 'note', note: 'اتصلت بولي الأمر وأكد البيانات', actor_id: 'x', actor_role: 'officer' })]);
    expect(html).toContain('<p class="note">اتصلت بولي الأمر وأكد البيانات</p>');
  });
});
