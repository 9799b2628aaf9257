import { useCallback, useEffect, useState } from 'preact/hooks';
import { messageOf, setStatus } from './status.tsx';

/** Loads data for a page; a failure goes to the status line as "Could not load: ...". */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T>();
  const [failed, setFailed] = useState(false);
  const reload = useCallback(() => {
    setFailed(false);
    return load().then(setData, (e) => {
      setFailed(true);
      setStatus(`Could not load: ${messageOf(e)}`);
    });
  }, deps);
  useEffect(() => {
    reload();
  }, [reload]);
  return { data, setData, failed, reload };
}

/** What a list shows before its data arrives (or when loading failed). */
export function Loading({ failed }: { failed: boolean }) {
  return failed ? null : <div class="empty">Loading…</div>;
}
