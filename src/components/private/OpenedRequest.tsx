import { useEffect, useRef } from 'react';
import type { LinkRefusal, PageAnswer } from '../../api/private-page';
import type { Locale } from '../../lib/locale';
import { PRIVATE_LINK_DAYS_AFTER_CLOSING } from '../../lib/private-link-secret';
import { StatusDetails } from '../forms/StatusDetails';
import type { ChannelOption } from '../forms/types';
import { BoundSurvey } from './BoundSurvey';
import { DataRights } from './DataRights';
import { Decision } from './Decision';
import { Messages } from './Messages';
import { ReplySection } from './ReplySection';
import { SentReplies } from './SentReplies';
import type { Association, PrivateLinks, PrivateTranslate } from './types';

interface Props {
  answer: Extract<PageAnswer, { outcome: 'found' }>;
  secret: string;
  t: PrivateTranslate;
  locale: Locale;
  channels: ChannelOption[];
  links: PrivateLinks;
  association: Association;
  /** The beneficiary's reply has just been sent: the page says so at its top. */
  replied: boolean;
  onReplied: () => void;
  /** Read the page again (after the survey changed). */
  onChanged: () => void;
  onLinkRefused: (refusal: LinkRefusal) => void;
}

/**
 * A private page its link opened: status, reply and documents, decision, messages, survey and the
 * data rights. Loaded with the call that opens the page (PrivateRequest), so a visitor without a
 * working link never downloads it.
 */
export default function OpenedRequest({ answer, secret, t, locale, channels, links, association, replied, onReplied, onChanged, onLinkRefused }: Props) {
  const notice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (replied) notice.current?.focus();
  }, [replied, answer]);

  // A survey link opens the page at its survey.
  useEffect(() => {
    if (answer.opened_for === 'survey') document.getElementById('survey-heading')?.focus();
  }, [answer]);

  return (
    <div className="private-request" data-hydrated="true">
      {replied && (
        <div className="panel no-print" ref={notice} tabIndex={-1} role="status" data-testid="replied">
          <h2>{t('private.sent.title')}</h2>
          <p>{t('private.sent.body')}</p>
        </div>
      )}
      <StatusDetails request={answer} locale={locale} t={t} channelsHref={links.channels} />
      {answer.can_reply && (
        <ReplySection page={answer} secret={secret} t={t} locale={locale} onReplied={onReplied} onLinkRefused={onLinkRefused} />
      )}
      {answer.replies.length > 0 && <SentReplies replies={answer.replies} t={t} locale={locale} />}
      {answer.decision && <Decision page={answer} decision={answer.decision} t={t} locale={locale} association={association} />}
      <Messages key={JSON.stringify(answer.messages)} initial={answer.messages} secret={secret} t={t} onLinkRefused={onLinkRefused} />
      <BoundSurvey page={answer} secret={secret} t={t} locale={locale} channels={channels} onChanged={onChanged} onLinkRefused={onLinkRefused} />
      <DataRights secret={secret} reference={answer.reference} t={t} locale={locale} onLinkRefused={onLinkRefused} />
      <p className="muted">{t('private.keepPrivate', { days: PRIVATE_LINK_DAYS_AFTER_CLOSING })}</p>
    </div>
  );
}
