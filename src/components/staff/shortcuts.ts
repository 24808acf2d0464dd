import { useEffect, useRef } from 'react';

/**
 * The workspace's keyboard shortcuts, listed once: the help panel shows this list, and the views
 * bind these keys. Single keys without modifiers, ignored while typing in a field.
 */
export const SHORTCUTS = [
  { key: '/', action: 'search' },
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'Enter', action: 'open' },
  { key: 'x', action: 'select' },
  { key: ']', action: 'nextPage' },
  { key: '[', action: 'previousPage' },
  { key: 'm', action: 'myWork' },
  { key: 'q', action: 'queue' },
  { key: '?', action: 'help' },
] as const;
export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Binds shortcut actions to handlers while the component is mounted (Enter is the focused link's own). */
export function useShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const shortcut = SHORTCUTS.find((s) => s.key === event.key && s.key !== 'Enter');
      const handler = shortcut && latest.current[shortcut.action];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** Moves focus to the next or previous of `selector`'s elements, from the focused one (or the first). */
export function moveFocus(container: HTMLElement | null, selector: string, step: 1 | -1): HTMLElement | null {
  const items = [...(container?.querySelectorAll<HTMLElement>(selector) ?? [])];
  if (items.length === 0) return null;
  const current = items.findIndex((item) => item === document.activeElement || item.contains(document.activeElement));
  const next = items[current === -1 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, current + step))]!;
  next.focus();
  return next;
}
