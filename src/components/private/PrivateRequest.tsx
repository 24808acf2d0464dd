import { useCallback, useEffect, useRef, useState } from 'react';
import { openPrivatePage, type LinkRefusal, type PageAnswer } from '../../api/private-page';
import { translator } from '../../i18n/translate';
import { PRIVATE_LINK_DAYS_AFTER_CLOSING, secretOf } from '../../lib/private-link-secret';
import { StatusDetails } from '../forms/StatusDetails';
import type { ChannelOption, IslandProps } from '../forms/types';
import { BoundSurvey } from './BoundSurvey';
import { DataRights } from './DataRights';
import { Decision } from './Decision';
import { LinkProblem } from './LinkProblem';
import { Messages } from './Messages';
import { ReplySection } from './ReplySection';
import { SentReplies } from './SentReplies';
import type { Association, PrivateLinks } from './types';

interface Props extends IslandProps<'private'> {
  channels: ChannelOption[];
  links: PrivateLinks;
  association: Association;
}

/**
 * /r/#<secret>: the request's private page (docs/ARCHITECTURE.md, "The private link, documents,
 * who can read what"). The secret comes from the URL fragment and goes only into the body of the
 * private-page calls; a link that does not work gets the same words whatever was wrong with it.
 */
export default function PrivateRequest({ locale, messages, channels, links, association }: Props) {
  const t = translator(messages);
  const [secret, setSecret] = useState('');
  const [answer, setAnswer] = useState<PageAnswer | null>(null);
  const [replied, setReplied] = useState(false);
  const notice = useRef<HTMLDivElement>(null);

  const load = useCallback(async (key: string) => {
    setAnswer(key ? await openPrivatePage(key) : { outcome: 'not_found' });
  }, []);

  useEffect(() => {
    const read = () => {
      const key = secretOf(location.hash);
      setSecret(key);
      setAnswer(null);
      load(key);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [load]);

  useEffect(() => {
    if (replied) notice.current?.focus();
  }, [replied, answer]);

  // A survey link opens the page at its survey.
  useEffect(() => {
    if (answer?.outcome === 'found' && answer.opened_for === 'survey') document.getElementById('survey-heading')?.focus();
  }, [answer]);

  if (!answer) return <p role="status" data-hydrated="true">{t('private.opening')}</p>;
  if (answer.outcome !== 'found') return <LinkProblem answer={answer} t={t} links={links} onRetry={() => load(secret)} />;

  const onLinkRefused = (refusal: LinkRefusal) => setAnswer(refusal);
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
        <ReplySection
          page={answer}
          secret={secret}
          t={t}
          locale={locale}
          onReplied={() => {
            setReplied(true);
            load(secret);
          }}
          onLinkRefused={onLinkRefused}
        />
      )}
      {answer.replies.length > 0 && <SentReplies replies={answer.replies} t={t} locale={locale} />}
      {answer.decision && <Decision page={answer} decision={answer.decision} t={t} locale={locale} association={association} />}
      <Messages key={JSON.stringify(answer.messages)} initial={answer.messages} secret={secret} t={t} onLinkRefused={onLinkRefused} />
      <BoundSurvey page={answer} secret={secret} t={t} locale={locale} channels={channels} onChanged={() => load(secret)} onLinkRefused={onLinkRefused} />
      <DataRights secret={secret} reference={answer.reference} t={t} locale={locale} onLinkRefused={onLinkRefused} />
      <p className="muted">{t('private.keepPrivate', { days: PRIVATE_LINK_DAYS_AFTER_CLOSING })}</p>
    </div>
  );
}
