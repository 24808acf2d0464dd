import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { loadSavedReplies, type SavedReply } from '../../api/saved-replies';
import { sendStaffMessage } from '../../api/staff';
import type { ContactPreferences, StaffMember, SupportRequestRow } from '../../api/staff-types';
import type { IslandTranslate } from '../../i18n/islands';
import type { Locale } from '../../lib/locale';
import { REQUEST_HANDLING_ROLES } from '../../lib/workflow';
import { MESSAGE_MAX, staffMessageSchema, type BeneficiaryMessageRuleKey } from '../../schemas/beneficiary-message';
import { CharacterCount } from '../forms/CharacterCount';
import { dbErrorMessage } from './db-error';

interface Props {
  t: IslandTranslate<'staff'>;
  me: StaffMember;
  request: SupportRequestRow;
  preferences: ContactPreferences | null;
  onSent: () => void;
}

/** Staff write to the beneficiary from the request page: free text, or a saved reply in the request's language to start from. */
export default function MessageComposer({ t, me, request, preferences, onSent }: Props) {
  const [replies, setReplies] = useState<SavedReply[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(crypto.randomUUID());
  const language: Locale = request.locale === 'en' ? 'en' : 'ar';

  useEffect(() => {
    loadSavedReplies().then((all) => setReplies(all[language] ?? []));
  }, [language]);

  if (!REQUEST_HANDLING_ROLES.includes(me.role)) return null;
  const stopped = Boolean(preferences?.stopped_at);

  async function send(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(null);
    const checked = staffMessageSchema.safeParse({ message: text });
    if (!checked.success) return setError(dbErrorMessage(t, { ruleKey: checked.error.issues[0]!.message as BeneficiaryMessageRuleKey, field: 'message' }));
    setError(null);
    setBusy(true);
    const outcome = await sendStaffMessage(request.id, checked.data.message, idempotencyKey.current);
    setBusy(false);
    if (!outcome.ok) return setError(dbErrorMessage(t, outcome.failure));
    idempotencyKey.current = crypto.randomUUID();
    setText('');
    setSent(t('staff.compose.sent', { channels: outcome.data.channels.map((c) => t(`staff.message.channel.${c as 'sms' | 'email'}`)).join(' · ') }));
    onSent();
  }

  return (
    <section aria-labelledby="compose-title">
      <h3 id="compose-title">{t('staff.compose.title')}</h3>
      {stopped ? (
        <p data-testid="compose-stopped">{t('staff.compose.stopped')}</p>
      ) : (
        <form onSubmit={send} aria-labelledby="compose-title" noValidate>
          {error && <div role="alert" className="staff-error">{error}</div>}
          <p role="status">{sent ?? ''}</p>
          {replies.length > 0 && (
            <>
              <label htmlFor="compose-reply">{t('staff.compose.savedReply')}</label>
              <select id="compose-reply" defaultValue="" onChange={(e) => { const chosen = replies.find((r) => r.slug === e.currentTarget.value); if (chosen) setText(chosen.text); }}>
                <option value="">{t('staff.compose.chooseReply')}</option>
                {replies.map((r) => <option key={r.slug} value={r.slug}>{r.title}</option>)}
              </select>
            </>
          )}
          <label htmlFor="compose-message">{t('staff.compose.label')}</label>
          <p id="compose-hint" className="hint">{t('staff.compose.hint', { language: t(`staff.locale.${language}`) })}</p>
          <textarea
            id="compose-message"
            name="message"
            rows={4}
            dir="auto"
            lang={language}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-describedby="compose-hint compose-count"
          />
          <CharacterCount id="compose-count" count={text.trim().length} max={MESSAGE_MAX} text={(count, max) => t('request.description.count', { count, max })} />
          <button type="submit" disabled={busy}>{t('staff.compose.send')}</button>
        </form>
      )}
    </section>
  );
}
