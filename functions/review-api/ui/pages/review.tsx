import { useEffect, useRef, useState } from 'preact/hooks';
import { api, keyPath } from '../api.ts';
import { isTyping, KeyHelp, REVIEW_KEYS } from '../components/key-help.tsx';
import { LeadCard } from '../components/lead-card.tsx';
import { DECISION_LABEL, ReasonPicker } from '../components/reason-picker.tsx';
import { ReviewFilters, type ReviewQuery, readQuery } from '../components/review-filters.tsx';
import { messageOf, setStatus } from '../components/status.tsx';
import { runKey, useDocumentKeys } from '../components/use-document-keys.ts';
import type { PageProps } from '../router.ts';
import type { Lead, Page } from '../types.ts';

/** How long a decision can be undone before it is sent. */
export const UNDO_MS = 5_000;
const PAGE_SIZE = 50;

interface Pending {
  lead: Lead;
  index: number;
  to: string;
  reason: string;
  timer: ReturnType<typeof setTimeout>;
}

function listUrl(q: ReviewQuery, cursor?: string): string {
  // The API's two orders: highest score first (the score index) or newest post first.
  const p = new URLSearchParams({ state: q.state, limit: String(PAGE_SIZE), sort: q.sort });
  for (const k of ['campaign', 'source', 'minScore', 'maxScore'] as const) if (q[k]) p.set(k, q[k]);
  if (cursor) p.set('cursor', cursor);
  return `/api/leads?${p}`;
}

/**
 * The review queue, keyboard first: j/k move, m/n/d open a reason picker, Enter confirms. A
 * decision leaves the queue at once and is sent after UNDO_MS unless undone (u); it carries the
 * lead's revision, so a lead that changed meanwhile is refused and comes back with the reason.
 */
export function ReviewPage({ params }: PageProps) {
  const q = readQuery(params);
  const [items, setItems] = useState<Lead[]>();
  const [cursor, setCursor] = useState<string>();
  const [selected, setSelected] = useState(0);
  const [picking, setPicking] = useState<string>();
  const [help, setHelp] = useState(false);
  const [counts, setCounts] = useState<Record<string, number>>();
  const [undoable, setUndoable] = useState<Pending>();
  const pending = useRef(new Map<string, Pending>());
  const loadingMore = useRef(false);

  const refreshCounts = () =>
    api<{ counts?: Record<string, number> }>('GET', '/api/leads/counts').then(
      (r) => setCounts(r.counts),
      () => setCounts(undefined),
    );

  useEffect(() => {
    setItems(undefined);
    setSelected(0);
    api<Page<Lead>>('GET', listUrl(q)).then(
      (page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
      },
      (e) => setStatus(`Could not load: ${messageOf(e)}`),
    );
    refreshCounts();
  }, [params.toString()]);

  const loadMore = async () => {
    if (!cursor || loadingMore.current) return;
    loadingMore.current = true;
    try {
      const page = await api<Page<Lead>>('GET', listUrl(q, cursor));
      setItems((old) => [...(old ?? []), ...page.items.filter((l) => !pending.current.has(l.key))]);
      setCursor(page.nextCursor);
    } catch (e) {
      setStatus(`Could not load: ${messageOf(e)}`);
    } finally {
      loadingMore.current = false;
    }
  };

  const send = async (p: Pending) => {
    pending.current.delete(p.lead.key);
    setUndoable((u) => (u === p ? undefined : u));
    try {
      await api('POST', `/api/leads/${keyPath(p.lead.key)}/decision`, {
        to: p.to,
        reason: p.reason,
        ...(p.lead.revision !== undefined ? { revision: p.lead.revision } : {}),
      });
      setStatus(`Saved: @${p.lead.profile.handle} moved to ${p.to}.`);
      refreshCounts();
    } catch (e) {
      setItems((old) => restore(old ?? [], p));
      setStatus(`Not saved: ${messageOf(e)}`);
    }
  };

  // Leaving the page (or the tab) sends what is still waiting for its undo window.
  useEffect(() => {
    const flush = () => {
      for (const p of [...pending.current.values()]) {
        clearTimeout(p.timer);
        void send(p);
      }
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const decide = (to: string, reason: string) => {
    const lead = items?.[selected];
    setPicking(undefined);
    if (!lead || !items) return;
    if (reason.trim().length < 3) return setStatus('Not saved: reason: at least 3 characters');
    const p: Pending = {
      lead,
      index: selected,
      to,
      reason: reason.trim(),
      timer: setTimeout(() => send(p), UNDO_MS),
    };
    pending.current.set(lead.key, p);
    setUndoable(p);
    setItems(items.filter((l) => l.key !== lead.key));
    setSelected(Math.max(0, Math.min(selected, items.length - 2)));
    setStatus(`${DECISION_LABEL[to]}: @${lead.profile.handle}. Undo with u within 5 s.`);
    if (items.length - selected < 10) void loadMore();
  };

  const undo = () => {
    const p = undoable;
    if (!p || !pending.current.has(p.lead.key)) return;
    clearTimeout(p.timer);
    pending.current.delete(p.lead.key);
    setUndoable(undefined);
    setItems((old) => restore(old ?? [], p));
    setSelected(p.index);
    setStatus(`Undone: @${p.lead.profile.handle} is back in the queue.`);
  };

  const label = async (label: 'buying' | 'not-buying') => {
    const lead = items?.[selected];
    const postId = lead?.scoringPost?.postId;
    if (!lead || !postId) return setStatus('No scoring post to label.');
    try {
      await api('POST', `/api/leads/${keyPath(lead.key)}/post-labels`, { postId, label });
      setStatus(label === 'buying' ? 'Labelled: a buying signal.' : 'Labelled: not a buying signal.');
    } catch (e) {
      setStatus(`Label not saved: ${messageOf(e)}`);
    }
  };

  useDocumentKeys((e) => {
    if (isTyping(e) || picking) return;
    if (help) {
      if (e.key === 'Escape' || e.key === '?') setHelp(false);
      return;
    }
    const n = items?.length ?? 0;
    const act: Record<string, () => void> = {
      j: () => {
        setSelected((s) => Math.min(s + 1, Math.max(n - 1, 0)));
        if (n - selected < 10) void loadMore();
      },
      k: () => setSelected((s) => Math.max(s - 1, 0)),
      '?': () => setHelp(true),
      u: undo,
      ...(q.state === 'review' && n
        ? { m: () => setPicking('mql'), n: () => setPicking('nurture'), d: () => setPicking('disqualified') }
        : {}),
      ...(n ? { b: () => label('buying'), v: () => label('not-buying') } : {}),
      ...(n && items ? { o: () => location.assign(`#/lead/${keyPath(items[selected]!.key)}`) } : {}),
    };
    runKey(e, act);
  });

  useEffect(() => {
    document.querySelector('article.lead.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected, items]);
  // The first cards are on screen and the keys work: what `npm run bench:ui` times.
  useEffect(() => {
    if (items && !performance.getEntriesByName('queue-interactive').length)
      performance.mark('queue-interactive');
  }, [items]);

  return (
    <>
      <h2>Review queue</h2>
      <ReviewFilters
        query={q}
        counts={counts}
        campaigns={[...new Set((items ?? []).flatMap((l) => l.campaignIds))].sort()}
      />
      <p class="muted keys-hint">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>m</kbd> qualify · <kbd>n</kbd> nurture · <kbd>d</kbd>{' '}
        disqualify · <kbd>?</kbd> all keys
      </p>
      {help && <KeyHelp keys={REVIEW_KEYS} onClose={() => setHelp(false)} />}
      {undoable && (
        <div class="undo card" role="alert">
          {`${DECISION_LABEL[undoable.to]}: @${undoable.lead.profile.handle} (“${undoable.reason}”). `}
          <button type="button" class="act" onClick={undo}>
            Undo (u)
          </button>
        </div>
      )}
      <div id="list">
        {!items ? (
          <div class="empty">Loading…</div>
        ) : !items.length ? (
          <div class="empty">Nothing here.</div>
        ) : (
          items.map((lead, i) => (
            <LeadCard key={lead.key} lead={lead} selected={i === selected}>
              {i === selected && picking ? (
                <ReasonPicker
                  to={picking}
                  onConfirm={(reason) => decide(picking, reason)}
                  onCancel={() => setPicking(undefined)}
                />
              ) : q.state === 'review' ? (
                <div class="actions">
                  {(['mql', 'nurture', 'disqualified'] as const).map((to) => (
                    <button
                      type="button"
                      class={`act${to === 'mql' ? ' primary' : ''}`}
                      key={to}
                      onClick={() => {
                        setSelected(i);
                        setPicking(to);
                      }}
                    >
                      {`${DECISION_LABEL[to]} (${to[0]})`}
                    </button>
                  ))}
                </div>
              ) : null}
            </LeadCard>
          ))
        )}
      </div>
      {cursor && (
        <button type="button" id="more" class="act" onClick={loadMore}>
          Load more
        </button>
      )}
    </>
  );
}

/** Puts an undone or refused decision's lead back where it was. */
function restore(items: Lead[], p: Pending): Lead[] {
  if (items.some((l) => l.key === p.lead.key)) return items;
  const out = [...items];
  out.splice(Math.min(p.index, out.length), 0, p.lead);
  return out;
}
