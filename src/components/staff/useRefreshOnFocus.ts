import { useEffect, useRef } from 'react';

/**
 * Calls `refresh` when the tab comes back into view or the window regains focus (both fire when
 * someone returns to the tab; the second within a second is skipped), so what another member
 * changed meanwhile shows without reloading.
 */
export function useRefreshOnFocus(refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    let last = 0;
    const run = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last < 1000) return;
      last = Date.now();
      latest.current();
    };
    window.addEventListener('focus', run);
    document.addEventListener('visibilitychange', run);
    return () => {
      window.removeEventListener('focus', run);
      document.removeEventListener('visibilitychange', run);
    };
  }, []);
}
