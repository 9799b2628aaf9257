import { useEffect, useRef } from 'preact/hooks';

/**
 * Listens to keys on the whole document for as long as the page is shown. The listener is added
 * once and always calls the newest handler, so a handler may read the page's current state.
 */
export function useDocumentKeys(handler: (e: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => latest.current(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** Runs the action bound to the key, if any, and keeps the browser from also acting on it. */
export function runKey(e: KeyboardEvent, actions: Record<string, () => void>): void {
  const run = actions[e.key];
  if (!run) return;
  e.preventDefault();
  run();
}
