import { loadServiceStats } from '../../api/service-stats';
import type { IslandMessages } from '../../i18n/islands';
import { translator } from '../../i18n/translate';
import type { Locale } from '../../lib/locale';
import { computedAt, figureValues, refreshOf } from './figure-values';

/**
 * Asks for the live figures and writes them where the page has them (`data-figure`). Whatever
 * the answer, the outcome is on the page and nothing is logged (offline, no request is made).
 */
export async function refreshFigures(root: HTMLElement): Promise<void> {
  const t = translator(JSON.parse(root.dataset.messages ?? '{}') as IslandMessages<'figures'>);
  const locale = root.dataset.locale as Locale;
  const status = root.querySelector<HTMLElement>('[data-figures-status]')!;
  const live = navigator.onLine === false ? null : await loadServiceStats();
  const refresh = refreshOf(live, root.dataset.published);
  if (refresh === 'fresh' && live) {
    for (const [key, text] of figureValues(live, locale, t('figures.hidden'))) {
      const element = root.querySelector<HTMLElement>(`[data-figure="${key}"]`);
      if (element && element.textContent !== text) element.textContent = text;
    }
    status.textContent = t('figures.live.computedAt', { date: computedAt(live, locale) });
    root.classList.remove('figures--pending');
  } else if (refresh === 'stale') {
    root.querySelector<HTMLElement>('[data-figures-stale]')!.textContent = t('figures.live.stale');
  } else if (refresh === 'failed') {
    status.textContent = t('figures.live.failed');
    for (const part of root.querySelectorAll<HTMLElement>(':scope > :not([data-figures-status])')) part.hidden = true;
  }
}
