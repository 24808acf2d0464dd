// Issue 14, rating the service through the private link: bound to the request, open once the
// decision is made, one survey per request (a second is refused), a low score opens a follow-up.
// The public survey naming a reference by itself no longer does.
import { describe, expect, it } from 'vitest';
import { anonClient, requestId, staff, submitRequest } from './support/clients';
import { decidedRequest, privatePage, requestAwaitingReply } from './support/private-page';

const ratings = (overall: number, extra: Record<string, unknown> = {}) => ({
  overall, courtesy: 4, clarity: 3, speed: 2, ease: 4, recommend: 6, channel: 'phone', comment: 'تأخر الرد قليلًا', locale: 'ar',
  idempotency_key: crypto.randomUUID(), ...extra,
});

const followUps = async (id: string) =>
  (await (await staff('officer')).from('request_events').select('kind, code, note, survey_id').eq('request_id', id).eq('kind', 'follow_up')).data;

describe('the survey on the private page', () => {
  it('is not open before the decision, and the page says so', async () => {
    const request = await requestAwaitingReply();
    expect((await privatePage('open', { secret: request.secret })).body.survey).toEqual({ open: false, given_at: null });
    expect(await privatePage('rate', { secret: request.secret, ...ratings(5) })).toEqual({ status: 400, body: { code: 'survey_not_open', field: null } });
  });

  it('a low score through the link is bound to the request and opens a follow-up for the relations officer', async () => {
    const request = await decidedRequest('rejected');
    expect((await privatePage('open', { secret: request.secret })).body.survey).toEqual({ open: true, given_at: null });
    const rated = await privatePage('rate', { secret: request.secret, ...ratings(2) });
    expect(rated).toMatchObject({ status: 200, body: { outcome: 'rated' } });
    const officer = await staff('officer');
    const { data: surveys } = await officer.from('satisfaction_surveys').select('*').eq('request_id', request.id);
    expect(surveys).toEqual([expect.objectContaining({
      through_private_link: true, overall: 2, courtesy: 4, clarity: 3, speed: 2, ease: 4, recommend: 6, channel: 'phone', comment: 'تأخر الرد قليلًا', locale: 'ar',
    })]);
    expect(await followUps(request.id)).toEqual([{ kind: 'follow_up', code: 'low_satisfaction_score', note: 'low_satisfaction_score', survey_id: surveys![0].id }]);
    expect((await privatePage('open', { secret: request.secret })).body.survey).toEqual({ open: true, given_at: surveys![0].created_at });
  });

  it('a good score opens no follow-up', async () => {
    const request = await decidedRequest('accepted');
    expect((await privatePage('rate', { secret: request.secret, ...ratings(4) })).body).toMatchObject({ outcome: 'rated' });
    expect(await followUps(request.id)).toEqual([]);
  });

  it('one survey per request: a second is refused, a retry of the first answers as the first did', async () => {
    const request = await decidedRequest('accepted');
    const first = ratings(5);
    const answer = await privatePage('rate', { secret: request.secret, ...first });
    expect(await privatePage('rate', { secret: request.secret, ...first })).toEqual(answer);
    const second = await privatePage('rate', { secret: request.secret, ...ratings(1) });
    expect(second).toEqual({ status: 400, body: { code: 'survey_already_given', field: null } });
    // Two at once: one is kept.
    const other = await decidedRequest('accepted');
    const both = await Promise.all([1, 2].map(() => privatePage('rate', { secret: other.secret, ...ratings(3) })));
    expect(both.map((b) => b.body.outcome ?? b.body.code).sort()).toEqual(['rated', 'survey_already_given']);
    expect(await followUps(request.id)).toEqual([]);
  });

  it('checks the answers as the public survey does', async () => {
    const request = await decidedRequest('accepted');
    expect((await privatePage('rate', { secret: request.secret, ...ratings(0) })).body).toEqual({ code: 'rating_overall_required', field: 'overall' });
    expect((await privatePage('rate', { secret: request.secret, ...ratings(3, { comment: 'x'.repeat(2001) }) })).body).toEqual({ code: 'comment_length', field: 'comment' });
    expect((await privatePage('rate', { secret: request.secret, ...ratings(3, { comment: 'x\u202Ey' }) })).body).toEqual({ code: 'comment_characters', field: 'comment' });
    expect((await privatePage('rate', { secret: request.secret, ...ratings(3, { channel: 'pigeon' }) })).body).toEqual({ code: 'channel_invalid', field: 'channel' });
  });
});

describe('the public survey, without a link', () => {
  it('still takes anonymous feedback, but a low score naming a reference opens no follow-up', async () => {
    const receipt = await submitRequest();
    const { data, error } = await anonClient().rpc('submit_satisfaction_survey', {
      p_reference: receipt.reference, p_channel: '', p_overall: 1, p_courtesy: 1, p_clarity: 1, p_speed: 1, p_ease: 1,
      p_recommend: 0, p_comment: '', p_locale: 'ar', p_idempotency_key: crypto.randomUUID(),
    });
    expect(error).toBeNull();
    expect(data.id).toEqual(expect.any(String));
    const id = await requestId(receipt.reference);
    expect(await followUps(id)).toEqual([]);
    const { data: surveys } = await (await staff('officer')).from('satisfaction_surveys').select('through_private_link').eq('request_id', id);
    expect(surveys).toEqual([{ through_private_link: false }]);
  });
});
