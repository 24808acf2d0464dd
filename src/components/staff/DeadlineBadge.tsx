import { deadlineState } from '../../lib/deadlines';
import type { Translate } from './i18n';

/** The deadline state in words, with an icon and colour that only repeat what the words say. */
export default function DeadlineBadge({ t, dueBy, decidedAt }: { t: Translate; dueBy: string | null; decidedAt: string | null }) {
  const state = deadlineState({ decision_due_by: dueBy, decided_at: decidedAt });
  const icon = { decided: '✓', on_time: '●', due_soon: '◆', overdue: '▲' }[state];
  return (
    <span className={`deadline deadline-${state}`} data-deadline={state}>
      <span aria-hidden="true">{icon} </span>
      {t(`staff.deadline.${state}`)}
    </span>
  );
}
