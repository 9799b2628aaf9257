/** The queue's filters live in the hash (#/review?campaign=...&minScore=40), so a view can be linked. */
export interface ReviewQuery {
  state: string;
  campaign: string;
  source: string;
  minScore: string;
  maxScore: string;
  /** `score` (highest first) or `newest` (latest post first). */
  sort: string;
}

export const STATES = ['review', 'mql', 'nurture', 'disqualified'] as const;
const SOURCES = ['x', 'reddit', 'hackernews', 'bluesky'];
const STATE_LABEL: Record<string, string> = {
  review: 'In review',
  mql: 'MQL',
  nurture: 'Nurture',
  disqualified: 'Disqualified',
};

const scoreParam = (v: string | null) => (v && /^-?\d{1,6}(\.\d{1,2})?$/.test(v) ? v : '');

export function readQuery(params: URLSearchParams): ReviewQuery {
  const state = params.get('state') ?? '';
  const source = params.get('source') ?? '';
  return {
    state: (STATES as readonly string[]).includes(state) ? state : 'review',
    campaign: (params.get('campaign') ?? '').slice(0, 100),
    source: SOURCES.includes(source) ? source : '',
    minScore: scoreParam(params.get('minScore')),
    maxScore: scoreParam(params.get('maxScore')),
    sort: params.get('sort') === 'newest' ? 'newest' : 'score',
  };
}

function go(q: ReviewQuery, change: Partial<ReviewQuery>): void {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(next))
    if (v && !(k === 'state' && v === 'review') && !(k === 'sort' && v === 'score')) p.set(k, v);
  const qs = p.toString();
  location.hash = `#/review${qs ? `?${qs}` : ''}`;
}

/** State tabs with their counts, then campaign, source, score range and order. */
export function ReviewFilters({
  query,
  counts,
  campaigns = [],
}: {
  query: ReviewQuery;
  counts?: Record<string, number>;
  /** Campaign ids seen on the loaded cards: suggestions for the campaign field. */
  campaigns?: string[];
}) {
  const value = (e: Event) => (e.target as HTMLInputElement).value.trim();
  return (
    <div class="filters">
      <fieldset class="tabs">
        <legend class="sr-only">Lead state</legend>
        {STATES.map((s) => (
          <button
            type="button"
            class="act"
            key={s}
            aria-pressed={query.state === s}
            onClick={() => go(query, { state: s })}
          >
            {`${STATE_LABEL[s]}${counts && counts[s] !== undefined ? ` (${counts[s]})` : ''}`}
          </button>
        ))}
      </fieldset>
      <form
        class="filter-fields"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget as HTMLFormElement);
          const text = (k: string) => String(f.get(k) ?? '').trim();
          go(query, {
            campaign: text('campaign'),
            source: text('source'),
            minScore: scoreParam(text('minScore')),
            maxScore: scoreParam(text('maxScore')),
          });
        }}
      >
        <label>
          campaign{' '}
          <input
            type="text"
            name="campaign"
            list="campaign-ids"
            maxLength={100}
            size={14}
            value={query.campaign}
          />
          <datalist id="campaign-ids">
            {campaigns.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <label>
          source{' '}
          <select name="source" value={query.source} onChange={(e) => go(query, { source: value(e) })}>
            <option value="">all</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          score from <input type="number" name="minScore" step="any" value={query.minScore} />
        </label>
        <label>
          to <input type="number" name="maxScore" step="any" value={query.maxScore} />
        </label>
        <label>
          order{' '}
          <select name="sort" value={query.sort} onChange={(e) => go(query, { sort: value(e) })}>
            <option value="score">highest score first</option>
            <option value="newest">newest post first</option>
          </select>
        </label>
        <button type="submit" class="act">
          Filter
        </button>
      </form>
    </div>
  );
}
