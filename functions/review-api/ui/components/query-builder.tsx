import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';

/** What the builder sends to the API: a hand-written query, or the builder's fields (X only). */
export type QueryDraft =
  | { source: string; query: string }
  | {
      source: 'x';
      builder: {
        all: string[];
        any: string[];
        phrases: string[];
        exclude: string[];
        lang?: string;
        excludeRetweets: boolean;
        excludeReplies: boolean;
        from: string[];
      };
    };

interface QueryCheck {
  query?: string;
  problems: string[];
}

export interface BuilderFields {
  mode: 'builder' | 'query';
  query: string;
  all: string;
  any: string;
  phrases: string;
  exclude: string;
  lang: string;
  excludeRetweets: boolean;
  excludeReplies: boolean;
  from: string;
}

export const EMPTY_BUILDER: BuilderFields = {
  mode: 'builder',
  query: '',
  all: '',
  any: '',
  phrases: '',
  exclude: '',
  lang: 'en',
  excludeRetweets: true,
  excludeReplies: false,
  from: '',
};

const words = (s: string) =>
  s
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
const lines = (s: string) =>
  s
    .split('\n')
    .map((w) => w.trim())
    .filter(Boolean);

/** The request the fields stand for; other sources than X take a hand-written query only. */
export function draftOf(source: string, f: BuilderFields): QueryDraft {
  if (source !== 'x' || f.mode === 'query') return { source, query: f.query };
  return {
    source: 'x',
    builder: {
      all: words(f.all),
      any: words(f.any),
      phrases: lines(f.phrases),
      exclude: words(f.exclude),
      ...(f.lang.trim() ? { lang: f.lang.trim() } : {}),
      excludeRetweets: f.excludeRetweets,
      excludeReplies: f.excludeReplies,
      from: words(f.from),
    },
  };
}

/**
 * The query builder with the validator's messages shown live: each change is checked by the API
 * (nothing saved) after a short pause, and `onCheck` tells the form whether it may save.
 */
export function QueryBuilder(props: {
  source: string;
  fields: BuilderFields;
  onChange: (f: BuilderFields) => void;
  onCheck: (ok: boolean) => void;
}) {
  const { source, fields: f, onChange } = props;
  const [check, setCheck] = useState<QueryCheck>();
  const [failed, setFailed] = useState('');
  const draft = JSON.stringify(draftOf(source, f));
  useEffect(() => {
    let live = true;
    props.onCheck(false);
    const timer = setTimeout(() => {
      api<QueryCheck>('POST', '/api/campaigns/check-query', JSON.parse(draft)).then(
        (answer) => {
          if (!live) return;
          setFailed('');
          setCheck(answer);
          props.onCheck(answer.problems.length === 0);
        },
        (e) => live && setFailed(e instanceof Error ? e.message : String(e)),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft]);
  const set = (patch: Partial<BuilderFields>) => onChange({ ...f, ...patch });
  const text = (name: keyof BuilderFields, label: string, hint: string) => (
    <label>
      {label}
      <input
        type="text"
        name={name}
        value={String(f[name])}
        aria-describedby="query-check"
        onInput={(e) => set({ [name]: (e.target as HTMLInputElement).value })}
      />
      <span class="muted">{hint}</span>
    </label>
  );
  const builder = source === 'x' && f.mode === 'builder';
  return (
    <fieldset class="query-builder">
      <legend>Query</legend>
      {source === 'x' && (
        <div class="actions" role="radiogroup" aria-label="How to give the query">
          <label>
            <input type="radio" name="mode" checked={builder} onChange={() => set({ mode: 'builder' })} />
            Build it
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              checked={!builder}
              onChange={() => set({ mode: 'query', query: f.query || check?.query || '' })}
            />
            Write it
          </label>
        </div>
      )}
      {builder ? (
        <div class="filters">
          {text('all', 'All of', 'comma-separated; every one must appear')}
          {text('any', 'Any of', 'comma-separated; one must appear')}
          <label>
            Exact phrases
            <textarea
              class="draft"
              name="phrases"
              value={f.phrases}
              aria-describedby="query-check"
              onInput={(e) => set({ phrases: (e.target as HTMLTextAreaElement).value })}
            />
            <span class="muted">one per line</span>
          </label>
          {text('exclude', 'None of', 'comma-separated; posts with these are left out')}
          {text('from', 'From accounts', 'handles without @, comma-separated')}
          {text('lang', 'Language', 'two letters, e.g. en')}
          <div class="actions">
            <label>
              <input
                type="checkbox"
                checked={f.excludeRetweets}
                onChange={(e) => set({ excludeRetweets: (e.target as HTMLInputElement).checked })}
              />
              Leave reposts out
            </label>
            <label>
              <input
                type="checkbox"
                checked={f.excludeReplies}
                onChange={(e) => set({ excludeReplies: (e.target as HTMLInputElement).checked })}
              />
              Leave replies out
            </label>
          </div>
        </div>
      ) : (
        <label>
          Query as {source === 'x' ? 'X' : source} writes it
          <textarea
            class="draft"
            name="query"
            value={f.query}
            aria-describedby="query-check"
            onInput={(e) => set({ query: (e.target as HTMLTextAreaElement).value })}
          />
        </label>
      )}
      <div id="query-check" role="status" aria-live="polite">
        {failed ? (
          <p class="problem">Could not check the query: {failed}</p>
        ) : !check ? (
          <p class="muted">Checking…</p>
        ) : check.problems.length === 0 ? (
          <p class="ok">
            Valid query: <code>{check.query}</code>
          </p>
        ) : (
          <>
            <p class="problem">The validator refuses this query:</p>
            <ul class="problems">
              {check.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </fieldset>
  );
}
