import type { PrivatePage } from '../../api/private-page';
import { formatBytes } from '../../lib/byte-size';
import { formatDate } from '../../lib/date-display';
import type { Locale } from '../../lib/locale';
import { typeLabel } from './DocumentPicker';
import type { PrivateTranslate } from './types';

interface Props {
  replies: PrivatePage['replies'];
  t: PrivateTranslate;
  locale: Locale;
}

/** The beneficiary's own answers, as they wrote them, with the documents each carried. */
export function SentReplies({ replies, t, locale }: Props) {
  return (
    <section aria-labelledby="replies-heading" className="private-section">
      <h2 id="replies-heading">{t('private.replies.heading')}</h2>
      <ol className="sent-replies" role="list">
        {replies.map((reply) => (
          <li key={reply.at}>
            <p className="muted">{t('private.replies.at', { date: formatDate(new Date(reply.at), locale) })}</p>
            <p className="reply-text" dir="auto">{reply.text}</p>
            {reply.documents.length > 0 && (
              <>
                <p className="chosen-files__title">{t('private.replies.documents')}</p>
                <ul className="chosen-files">
                  {reply.documents.map((document, index) => (
                    <li key={`${document.name}-${index}`}>
                      <bdi>{document.name}</bdi>{' '}
                      <span className="muted">({t('private.document', { type: typeLabel(document.type), size: formatBytes(document.size, locale) })})</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
