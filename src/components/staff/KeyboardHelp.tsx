import { forwardRef, useImperativeHandle, useRef } from 'react';
import type { IslandTranslate } from '../../i18n/islands';
import { SHORTCUTS } from './shortcuts';

export interface KeyboardHelpHandle {
  open: () => void;
}

/** The shortcuts, listed from the one list the views bind; a modal dialog that gives the focus back when it closes. */
const KeyboardHelp = forwardRef<KeyboardHelpHandle, { t: IslandTranslate<'staff'> }>(function KeyboardHelp({ t }, ref) {
  const dialog = useRef<HTMLDialogElement>(null);
  useImperativeHandle(ref, () => ({ open: () => dialog.current?.showModal() }), []);
  return (
    <dialog ref={dialog} className="keyboard-help" aria-labelledby="keyboard-help-title">
      <h2 id="keyboard-help-title">{t('staff.keys.title')}</h2>
      <p>{t('staff.keys.intro')}</p>
      <dl className="keys">
        {SHORTCUTS.map((s) => (
          <div key={s.key}>
            <dt><kbd>{s.key}</kbd></dt>
            <dd>{t(`staff.keys.${s.action}`)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" autoFocus>{t('staff.keys.close')}</button>
      </form>
    </dialog>
  );
});
export default KeyboardHelp;
