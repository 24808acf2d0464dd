import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Messages } from '../../src/components/private/Messages';
import { islandMessages, messages } from '../../src/i18n';
import { translator } from '../../src/i18n/translate';
import type { MessagesState } from '../../src/api/private-messages';
import { messagesRule } from '../../src/schemas/private-messages';

describe('the beneficiary’s choice of messages (the database holds the same: internal.private_messages_rule)', () => {
  it.each([
    [{ sms: true, email: false, stopped: false }, false, null],
    [{ sms: false, email: true, stopped: false }, true, null],
    [{ sms: false, email: true, stopped: false }, false, 'email_missing'],
    [{ sms: true, email: true, stopped: true }, false, 'email_missing'],
    [{ sms: false, email: false, stopped: false }, true, 'messages_channel_required'],
    // No way at all is a stop: allowed with it (the decision goes by SMS).
    [{ sms: false, email: false, stopped: true }, false, null],
  ])('%j with an address: %s -> %s', (choice, available, rule) => {
    expect(messagesRule(choice, available)).toBe(rule);
  });
});

describe('the Messages section as the page opens', () => {
  const render = (state: MessagesState, locale: 'ar' | 'en' = 'en') =>
    renderToStaticMarkup(<Messages initial={state} secret="x" t={translator(islandMessages(locale, 'private'))} onLinkRefused={() => {}} />);
  const say = (key: string) => (messages.en as Record<string, string>)[key]!;

  it.each([
    [{ sms: true, email: true, email_available: true, stopped: false }, 'private.messages.now.both'],
    [{ sms: true, email: false, email_available: true, stopped: false }, 'private.messages.now.sms'],
    [{ sms: false, email: true, email_available: true, stopped: false }, 'private.messages.now.email'],
    [{ sms: false, email: false, email_available: false, stopped: false }, 'private.messages.now.none'],
    [{ sms: true, email: false, email_available: false, stopped: true }, 'private.messages.now.stopped'],
  ] as const)('%j says %s', (state, key) => {
    expect(render(state)).toContain(say(key));
  });

  it('offers email only with an address, and says why not', () => {
    const without = render({ sms: true, email: false, email_available: false, stopped: false });
    expect(without).toMatch(/<input id="messages-email" type="checkbox" disabled=""[^>]*aria-describedby="messages-email-hint"/);
    expect(without).toContain(say('private.messages.noEmail'));
    expect(render({ sms: true, email: false, email_available: true, stopped: false })).not.toContain(say('private.messages.noEmail'));
  });

  it('offers to stop, or to resume once stopped, and says the decision still comes, in both languages', () => {
    expect(render({ sms: true, email: false, email_available: false, stopped: false })).toContain(`>${say('private.messages.stop')}</button>`);
    const stopped = render({ sms: true, email: false, email_available: false, stopped: true }, 'ar');
    expect(stopped).toContain(`>${messages.ar['private.messages.resume']}</button>`);
    expect(stopped).toContain(messages.ar['private.messages.decision']);
  });
});
