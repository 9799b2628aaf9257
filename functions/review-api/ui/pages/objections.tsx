import { api } from '../api.ts';
import { ByTabs } from '../components/by-tabs.tsx';
import { FunnelBars } from '../components/svg-charts.tsx';
import { Loading, useLoad } from '../components/use-load.tsx';
import type { PageProps } from '../router.ts';

const BYS = ['campaign', 'product', 'month', 'source'];

interface Group {
  key: string;
  decisions: number;
  top?: { kind: string; label: string; count: number }[];
  notes?: { at: string; code?: string; objection?: string; note: string }[];
}

/** Top reason and objection codes per group, with the notes sales wrote. */
export function ObjectionsPage({ params }: PageProps) {
  const by = BYS.includes(params.get('by') ?? '') ? params.get('by')! : 'campaign';
  const { data, failed } = useLoad(
    () => api<{ groups?: Group[] }>('GET', `/api/reports/objections?by=${by}`),
    [by],
  );
  const groups = data?.groups ?? [];
  return (
    <>
      <h2>Objections and reasons</h2>
      <ByTabs page="objections" bys={BYS} by={by} />
      {!data ? (
        <Loading failed={failed} />
      ) : !groups.length ? (
        <div class="empty">No objections recorded yet.</div>
      ) : (
        groups.map((g) => {
          const counts = Object.fromEntries(
            (g.top ?? []).slice(0, 8).map((t) => [`${t.kind}: ${t.label}`, t.count]),
          );
          return (
            <section class="card objection-group" data-group={g.key} key={g.key}>
              <h3>
                {g.key} <span class="muted">{g.decisions} decisions</span>
              </h3>
              <FunnelBars counts={counts} stages={Object.keys(counts)} />
              {!!g.notes?.length && (
                <details open>
                  <summary>Notes</summary>
                  <ul class="notes">
                    {g.notes.map((n, i) => (
                      <li key={i}>
                        <span class="muted">
                          {`${String(n.at).slice(0, 10)} ${n.code ?? ''}${n.objection ? ` / ${n.objection}` : ''}`}
                        </span>{' '}
                        {n.note}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </section>
          );
        })
      )}
    </>
  );
}
