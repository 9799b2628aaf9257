import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { type BuilderFields, draftOf, EMPTY_BUILDER, QueryBuilder } from '../components/query-builder.tsx';
import { messageOf, setStatus } from '../components/status.tsx';
import { Loading, useLoad } from '../components/use-load.tsx';

interface Campaign {
  id: string;
  source: string;
  name: string;
  product: string;
  query: string;
  cadenceMinutes: number;
  active: boolean;
  owner: string;
  monthlyPostBudget?: number;
}

interface Run {
  startedAt: string;
  pages: number;
  postsRead: number;
  postsNew: number;
  complete: boolean;
  stoppedBy?: string;
  resumesAt?: string;
}

interface Overview {
  campaign: Campaign;
  lastRunAt?: string;
  waitingUntil?: string;
  budgetUsed: number;
  lastRuns: Run[];
}

/** Why a run stopped, in words; a complete run read everything new. */
const STOPPED: Record<string, string> = {
  'rate-limit': 'rate limit',
  'usage-cap': 'source usage cap',
  'source-refused': 'source refused the query',
  'time-budget': 'out of time',
  'page-limit': 'page limit',
  'post-budget': 'monthly post budget spent',
  'malformed-page': 'malformed answer',
  'source-unavailable': 'source unavailable',
  'no-source': 'source not configured',
};
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function RunList({ runs }: { runs: Run[] }) {
  if (runs.length === 0) return <span class="muted">no runs yet</span>;
  return (
    <ul class="runs">
      {runs.map((r) => (
        <li key={r.startedAt}>
          {`${when(r.startedAt)}: ${r.pages} pages, ${r.postsRead} read, ${r.postsNew} new`}
          <span class="muted">
            {r.complete
              ? ' · complete'
              : ` · stopped: ${STOPPED[r.stoppedBy ?? ''] ?? r.stoppedBy ?? 'unknown'}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

interface FormState {
  id: string;
  name: string;
  product: string;
  source: string;
  cadenceMinutes: string;
  budget: string;
  query: BuilderFields;
}

const EMPTY_FORM: FormState = {
  id: '',
  name: '',
  product: '',
  source: 'x',
  cadenceMinutes: '15',
  budget: '',
  query: EMPTY_BUILDER,
};

/** Add (no `editing`) or edit a campaign; saving is possible once the validator accepts the query. */
function CampaignForm(props: { editing?: Campaign; onDone: (saved?: Campaign) => void }) {
  const { editing } = props;
  const [form, setForm] = useState<FormState>(() =>
    editing
      ? {
          id: editing.id,
          name: editing.name,
          product: editing.product,
          source: editing.source,
          cadenceMinutes: String(editing.cadenceMinutes),
          budget: editing.monthlyPostBudget ? String(editing.monthlyPostBudget) : '',
          query: { ...EMPTY_BUILDER, mode: 'query', query: editing.query },
        }
      : EMPTY_FORM,
  );
  const [queryOk, setQueryOk] = useState(false);
  const [error, setError] = useState('');
  const set = (patch: Partial<FormState>) => setForm({ ...form, ...patch });
  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    const body = {
      ...(editing ? {} : { id: form.id.trim() }),
      name: form.name,
      product: form.product,
      query: draftOf(form.source, form.query),
      cadenceMinutes: Number(form.cadenceMinutes),
      ...(form.budget.trim() ? { monthlyPostBudget: Number(form.budget) } : {}),
    };
    try {
      const saved = editing
        ? await api<Campaign>('PUT', `/api/campaigns/${encodeURIComponent(editing.id)}`, body)
        : await api<Campaign>('POST', '/api/campaigns', body);
      setStatus(`${editing ? 'Saved' : 'Added'} campaign ${saved.id}`);
      props.onDone(saved);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const input = (name: 'id' | 'name' | 'product', label: string) => (
    <label>
      {label}
      <input
        type="text"
        name={name}
        value={form[name]}
        required
        onInput={(e) => set({ [name]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <form
      class="card campaign-form"
      aria-label={editing ? `Edit ${editing.id}` : 'Add a campaign'}
      onSubmit={save}
    >
      <h3>{editing ? `Edit ${editing.name}` : 'Add a campaign'}</h3>
      <div class="filters">
        {!editing && input('id', 'Id (lowercase, dashes)')}
        {input('name', 'Name')}
        {input('product', 'Product it sells')}
        <div class="filter-fields">
          <label>
            Source
            <select
              name="source"
              value={form.source}
              onChange={(e) => set({ source: (e.target as HTMLSelectElement).value })}
            >
              {['x', 'reddit', 'hackernews', 'bluesky'].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Every (minutes)
            <input
              type="number"
              name="cadence"
              min={5}
              max={1440}
              value={form.cadenceMinutes}
              onInput={(e) => set({ cadenceMinutes: (e.target as HTMLInputElement).value })}
            />
          </label>
          <label>
            Posts per month (empty: no cap)
            <input
              type="number"
              name="budget"
              min={1}
              value={form.budget}
              onInput={(e) => set({ budget: (e.target as HTMLInputElement).value })}
            />
          </label>
        </div>
        <QueryBuilder
          source={form.source}
          fields={form.query}
          onChange={(query) => set({ query })}
          onCheck={setQueryOk}
        />
      </div>
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="act primary" disabled={!queryOk}>
          {editing ? 'Save campaign' : 'Add campaign'}
        </button>
        <button type="button" class="act" onClick={() => props.onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Campaigns: what Prospector listens for, what each costs this month, and what its last runs did. */
export function CampaignsPage() {
  const { data, failed, reload } = useLoad(() => api<Overview[]>('GET', '/api/campaigns'), []);
  const [editing, setEditing] = useState<Campaign | 'new'>();
  const toggle = async (c: Campaign) => {
    try {
      const id = encodeURIComponent(c.id);
      if (c.active) await api('POST', `/api/campaigns/${id}/pause`);
      else await api('POST', `/api/campaigns/${id}/resume`);
      setStatus(`${c.active ? 'Paused' : 'Resumed'} ${c.id}`);
      await reload();
    } catch (e) {
      setStatus(`Could not ${c.active ? 'pause' : 'resume'} ${c.id}: ${messageOf(e)}`);
    }
  };
  const done = (saved?: Campaign) => {
    setEditing(undefined);
    if (saved) reload();
  };
  return (
    <>
      <h2>Campaigns</h2>
      {editing ? (
        <CampaignForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? undefined : editing}
          onDone={done}
        />
      ) : (
        <div class="actions">
          <button type="button" class="act primary" onClick={() => setEditing('new')}>
            Add a campaign
          </button>
        </div>
      )}
      {!data ? (
        <Loading failed={failed} />
      ) : data.length === 0 ? (
        <div class="empty">No campaigns yet.</div>
      ) : (
        <table class="card campaigns">
          <caption class="sr-only">Campaigns with their budget used this month and last runs</caption>
          <thead>
            <tr>
              {['Campaign', 'Query', 'Cadence', 'State', 'Budget this month', 'Last runs', 'Actions'].map(
                (h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {data.map(({ campaign: c, budgetUsed, lastRuns, waitingUntil }) => (
              <tr key={c.id} data-campaign={c.id}>
                <td>
                  <strong>{c.name}</strong>
                  <br />
                  <span class="muted">
                    {c.id} · {c.source} · {c.product}
                  </span>
                </td>
                <td>
                  <code>{c.query}</code>
                </td>
                <td class="num">every {c.cadenceMinutes} min</td>
                <td class="state">
                  {c.active ? 'active' : 'paused'}
                  {waitingUntil && <span class="muted">{` · waits until ${when(waitingUntil)}`}</span>}
                </td>
                <td class="num">
                  {budgetUsed.toLocaleString('en')}
                  {c.monthlyPostBudget ? ` of ${c.monthlyPostBudget.toLocaleString('en')}` : ' (no cap)'}
                </td>
                <td>
                  <RunList runs={lastRuns} />
                </td>
                <td>
                  <div class="actions">
                    <button
                      type="button"
                      class="act"
                      onClick={() => setEditing(c)}
                      aria-label={`Edit ${c.name}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="act"
                      onClick={() => toggle(c)}
                      aria-label={`${c.active ? 'Pause' : 'Resume'} ${c.name}`}
                    >
                      {c.active ? 'Pause' : 'Resume'}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
