import { useCallback, useRef } from 'react';

/**
 * For loads that can overlap (a refresh on focus, a change, a new search): `begin()` at the start
 * of each gives a check that is true only while no later load has begun, so an earlier answer that
 * arrives last on a busy connection is dropped instead of replacing the newer one.
 */
export function useLatestOnly(): () => () => boolean {
  const latest = useRef(0);
  return useCallback(() => {
    const ticket = ++latest.current;
    return () => ticket === latest.current;
  }, []);
}
