import { useEffect, useState } from 'react';
import { twoFactorStep, type TwoFactorStep } from '../../api/staff';
import type { IslandTranslate } from '../../i18n/islands';
import TwoFactorCodeForm from './TwoFactorCodeForm';
import TwoFactorEnrol from './TwoFactorEnrol';

/**
 * All a session signed in with the password alone sees: the authenticator's code, or, the first
 * time, setting an authenticator up. The database opens nothing else to such a session.
 */
export default function TwoFactorSignIn({ t }: { t: IslandTranslate<'staff'> }) {
  const [step, setStep] = useState<TwoFactorStep | null>(null);

  useEffect(() => {
    twoFactorStep().then(setStep);
  }, []);

  if (!step || step.step === 'done') return <p role="status">{t('staff.loading')}</p>;
  if (step.step === 'enrol') return <TwoFactorEnrol t={t} />;
  return (
    <section data-staff-view aria-labelledby="code-title">
      <h2 id="code-title" tabIndex={-1}>{t('staff.twoFactor.title')}</h2>
      {step.step === 'unavailable' ? (
        <div role="alert" className="staff-error">{t('staff.twoFactor.unavailable')}</div>
      ) : (
        <>
          <p>{t('staff.twoFactor.codeIntro')}</p>
          <TwoFactorCodeForm t={t} factorId={step.factorId} />
          <p>{t('staff.twoFactor.lostAuthenticator')}</p>
        </>
      )}
    </section>
  );
}
