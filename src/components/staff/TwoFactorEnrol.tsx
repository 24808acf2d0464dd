import { useEffect, useState } from 'react';
import { enrolAuthenticator, type NewAuthenticator } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';
import TwoFactorCodeForm from './TwoFactorCodeForm';

/** The key in groups of four, as authenticator apps show and ask for it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * The first sign-in: set up an authenticator app. The QR code is GoTrue's own SVG, drawn on this
 * page; nothing about the key goes to any server but the project's auth.
 */
export default function TwoFactorEnrol({ t }: { t: IslandTranslate<'staff'> }) {
  const [authenticator, setAuthenticator] = useState<NewAuthenticator | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    enrolAuthenticator().then((outcome) => {
      if (!current) return;
      if (outcome.ok) setAuthenticator(outcome.data);
      else setFailed(true);
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <section data-staff-view aria-labelledby="enrol-title">
      <h2 id="enrol-title" tabIndex={-1}>{t('staff.twoFactor.enrolTitle')}</h2>
      <p>{t('staff.twoFactor.enrolIntro')}</p>
      {failed && <div role="alert" className="staff-error">{t('staff.twoFactor.unavailable')}</div>}
      {!failed && !authenticator && <p role="status">{t('staff.loading')}</p>}
      {authenticator && (
        <>
          <ol className="staff-steps">
            <li>
              <p>{t('staff.twoFactor.enrolScan')}</p>
              <img className="staff-qr" src={authenticator.qrCode} alt={t('staff.twoFactor.qrAlt')} />
              <p>
                {t('staff.twoFactor.enrolKey')}{' '}
                <code dir="ltr" data-testid="authenticator-key">{grouped(authenticator.secret)}</code>
              </p>
            </li>
            <li><p>{t('staff.twoFactor.enrolCode')}</p></li>
          </ol>
          <TwoFactorCodeForm t={t} factorId={authenticator.factorId} />
        </>
      )}
    </section>
  );
}
