import { useEffect, useState } from 'preact/hooks';

/**
 * The page's one live status line (role=status): what the last action did or why it failed.
 * Any page sets it; screen readers announce it. Tests read `#status`.
 */
let current = '';
const listeners = new Set<(s: string) => void>();

export function setStatus(message: string): void {
  current = message;
  for (const l of listeners) l(message);
}

export function StatusLine() {
  const [message, setMessage] = useState(current);
  useEffect(() => {
    listeners.add(setMessage);
    return () => void listeners.delete(setMessage);
  }, []);
  return (
    <div id="status" role="status" aria-live="polite">
      {message}
    </div>
  );
}

/** The error text of anything thrown. */
export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
