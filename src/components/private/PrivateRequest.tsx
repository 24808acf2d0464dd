import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import type { LinkRefusal, PageAnswer } from '../../api/private-page';
import { translator } from '../../i18n/translate';
import { secretOf } from '../../lib/private-link-secret';
import type { ChannelOption, IslandProps } from '../forms/types';
import { LinkProblem } from './LinkProblem';
import type { Association, PrivateLinks } from './types';

// Only the "link does not work" answer is part of the page's first code (issue 18): the API client
// and the opened page load with the call that opens it, in parallel.
const loadApi = () => import('../../api/private-page');
const loadOpened = () => import('./OpenedRequest');
const OpenedRequest = lazy(loadOpened);
const NO_LINK = { outcome: 'not_found' } as const;

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

  const load = useCallback(async (key: string) => {
    if (!key) return setAnswer(NO_LINK);
    // Offline before the code arrived reads as the page being unavailable, with its retry.
    const opened = await Promise.all([loadApi(), loadOpened()]).then(
      ([api]) => api.openPrivatePage(key),
      () => ({ outcome: 'unavailable' }) as const,
    );
    setAnswer(opened);
  }, []);

  useEffect(() => {
    const read = () => {
      const key = secretOf(location.hash);
      document.documentElement.dataset.privateLink = key ? 'given' : 'none';
      setSecret(key);
      setAnswer(null);
      load(key);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [load]);

  // Until the answer is known the server HTML has both first states, and the page's head script
  // shows the one the address calls for (private.css): without a secret the "link does not work"
  // box is painted at once and stays the same element, so nothing moves or appears later.
  if (!answer || answer.outcome !== 'found') {
    return (
      <>
        {!answer && <p role="status" className="private-opening" data-hydrated="true">{t('private.opening')}</p>}
        <LinkProblem answer={answer ?? NO_LINK} t={t} links={links} onRetry={() => load(secret)} standIn={!answer} />
      </>
    );
  }

  return (
    <Suspense fallback={<p role="status">{t('private.opening')}</p>}>
      <OpenedRequest
        answer={answer}
        secret={secret}
        t={t}
        locale={locale}
        channels={channels}
        links={links}
        association={association}
        replied={replied}
        onReplied={() => {
          setReplied(true);
          load(secret);
        }}
        onChanged={() => load(secret)}
        onLinkRefused={(refusal: LinkRefusal) => setAnswer(refusal)}
      />
    </Suspense>
  );
}
