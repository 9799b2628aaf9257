import { useEffect, useState } from 'preact/hooks';
import { checkPostLength, MAX_WEIGHTED_LENGTH } from '../../../../shared/domain/post-length.ts';
import { api, keyPath } from '../api.ts';
import { isTyping, KeyHelp } from '../components/key-help.tsx';
import { messageOf, setStatus } from '../components/status.tsx';
import { runKey, useDocumentKeys } from '../components/use-document-keys.ts';
import { Loading, useLoad } from '../components/use-load.tsx';
import type { Page } from '../types.ts';

interface Task {
  id: string;
  prospectKey: string;
  kind: string;
  postId?: string;
  draft: string;
  status: string;
  editedBy?: string;
  result?: string;
}

const APPROVAL_KEYS: [string, string][] = [
  ['j / k', 'next / previous draft'],
  ['e', 'edit the text (Esc leaves the text box)'],
  ['a', 'approve the text as shown'],
  ['s', 'skip: nothing is sent'],
  ['?', 'show or hide these keys'],
];

/** X's weighted count (the same code the API checks with), red above 280. */
export function CharCount({ text }: { text: string }) {
  const n = checkPostLength(text).weightedLength;
  return (
    <span class={`count${n > MAX_WEIGHTED_LENGTH ? ' over' : ''}`} aria-live="polite">
      {`${n} / ${MAX_WEIGHTED_LENGTH}`}
    </span>
  );
}

function TaskCard({
  task,
  selected,
  text,
  onText,
  onApprove,
  onSkip,
  onSave,
}: {
  task: Task;
  selected: boolean;
  text: string;
  onText: (t: string) => void;
  onApprove: () => void;
  onSkip: () => void;
  onSave: () => void;
}) {
  return (
    <article
      class={`card task${selected ? ' selected' : ''}`}
      data-key={task.prospectKey}
      data-task={task.id}
      aria-current={selected ? 'true' : undefined}
    >
      <div class="row">
        <div>
          <strong>{task.kind}</strong>{' '}
          <span class="muted">
            {`${task.prospectKey} · post ${task.postId ?? '—'}${task.editedBy ? ` · edited by ${task.editedBy}` : ''}`}
          </span>{' '}
          <a href={`#/lead/${keyPath(task.prospectKey)}`}>timeline</a>
        </div>
      </div>
      <textarea
        class="draft"
        aria-label="reply text"
        value={text}
        onInput={(e) => onText((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur();
        }}
      />
      <div class="actions">
        <CharCount text={text} />
        <button type="button" class="act" onClick={onSave}>
          Save text
        </button>
        <button type="button" class="act primary" onClick={onApprove}>
          Approve this text (a)
        </button>
        <button type="button" class="act" onClick={onSkip}>
          Skip (s)
        </button>
      </div>
    </article>
  );
}

/**
 * Engagement drafts waiting for a person: the text is editable with X's weighted count beside
 * it; approving sends exactly the text shown, skipping sends nothing. Keys: j/k, e, a, s.
 */
export function ApprovalsPage() {
  const { data, setData, failed } = useLoad(
    () => api<Page<Task>>('GET', '/api/tasks?status=drafted&limit=50'),
    [],
  );
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState(0);
  const [help, setHelp] = useState(false);
  const items = data?.items ?? [];
  const textOf = (t: Task) => texts[t.id] ?? t.draft;
  const drop = (t: Task) => {
    if (!data) return;
    setData({ ...data, items: data.items.filter((x) => x.id !== t.id) });
    setSelected((s) => Math.max(0, Math.min(s, items.length - 2)));
  };
  const approve = async (t: Task) => {
    try {
      await api('POST', `/api/tasks/${keyPath(t.prospectKey)}/${encodeURIComponent(t.id)}/approve`, {
        text: textOf(t),
      });
      setStatus('Approved and queued: this exact text will be sent.');
      drop(t);
    } catch (e) {
      setStatus(`Not saved: ${messageOf(e)}`);
    }
  };
  const skip = async (t: Task) => {
    try {
      await api('POST', `/api/tasks/${keyPath(t.prospectKey)}/${encodeURIComponent(t.id)}/skip`, {});
      setStatus('Skipped: nothing will be sent.');
      drop(t);
    } catch (e) {
      setStatus(`Not skipped: ${messageOf(e)}`);
    }
  };
  const save = async (t: Task) => {
    try {
      await api('PUT', `/api/tasks/${keyPath(t.prospectKey)}/${encodeURIComponent(t.id)}/draft`, {
        text: textOf(t),
      });
      setStatus('Text saved.');
    } catch (e) {
      setStatus(`Not saved: ${messageOf(e)}`);
    }
  };

  useDocumentKeys((e) => {
    if (isTyping(e)) return;
    if (help) {
      if (e.key === 'Escape' || e.key === '?') setHelp(false);
      return;
    }
    const t = items[selected];
    const act: Record<string, () => void> = {
      j: () => setSelected((s) => Math.min(s + 1, Math.max(items.length - 1, 0))),
      k: () => setSelected((s) => Math.max(s - 1, 0)),
      '?': () => setHelp(true),
      ...(t
        ? {
            a: () => approve(t),
            s: () => skip(t),
            e: () => document.querySelector<HTMLTextAreaElement>('article.task.selected textarea')?.focus(),
          }
        : {}),
    };
    runKey(e, act);
  });
  useEffect(() => {
    document.querySelector('article.task.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <>
      <h2>Engagement approvals</h2>
      <p class="muted keys-hint">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>e</kbd> edit · <kbd>a</kbd> approve · <kbd>s</kbd> skip ·{' '}
        <kbd>?</kbd> all keys
      </p>
      {help && <KeyHelp keys={APPROVAL_KEYS} onClose={() => setHelp(false)} />}
      <div id="list">
        {!data ? (
          <Loading failed={failed} />
        ) : !items.length ? (
          <div class="empty">Nothing here.</div>
        ) : (
          items.map((t, i) => (
            <TaskCard
              key={t.id}
              task={t}
              selected={i === selected}
              text={textOf(t)}
              onText={(text) => setTexts({ ...texts, [t.id]: text })}
              onApprove={() => approve(t)}
              onSkip={() => skip(t)}
              onSave={() => save(t)}
            />
          ))
        )}
      </div>
    </>
  );
}
