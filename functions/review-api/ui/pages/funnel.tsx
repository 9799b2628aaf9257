import { api } from '../api.ts';
import { ByTabs } from '../components/by-tabs.tsx';
import { FunnelBars, IntervalChart, num, pct, VelocityBars } from '../components/svg-charts.tsx';
import { Loading, useLoad } from '../components/use-load.tsx';
import type { PageProps } from '../router.ts';

const STAGES = ['discovered', 'review', 'mql', 'accepted', 'rejected', 'won', 'lost'];
const RATES = [
  ['reviewToMql', 'review → MQL'],
  ['mqlToAccepted', 'MQL → accepted'],
  ['acceptedToWon', 'accepted → won'],
  ['mqlToWon', 'MQL → won'],
] as const;
const VELOCITY = [
  ['mqlToAccepted', 'MQL → accepted'],
  ['acceptedToWon', 'accepted → won'],
  ['mqlToWon', 'MQL → won'],
] as const;
const BYS = ['source', 'campaign', 'definition', 'week'];

type Rate = { value: number | null; low: number; high: number; trials?: number };
interface Group {
  key: string;
  counts: Record<string, number>;
  rates: Record<string, Rate>;
  velocityDays?: Record<string, { median: number | null; p75: number | null } | undefined>;
  salesVelocity?: {
    perDay: number;
    currency: string;
    opportunities: number;
    winRate: number;
    averageDeal: number;
    cycleDays: number;
  };
}

/** The funnel: stage bars, velocity and conversion whiskers per source, campaign, definition or week. */
export function FunnelPage({ params }: PageProps) {
  const by = BYS.includes(params.get('by') ?? '') ? params.get('by')! : 'source';
  const { data, failed } = useLoad(
    () => api<{ groups?: Group[] }>('GET', `/api/reports/funnel?by=${by}`),
    [by],
  );
  const groups = data?.groups ?? [];
  const total = Object.fromEntries(
    STAGES.map((s) => [s, groups.reduce((n, g) => n + (g.counts[s] || 0), 0)]),
  );
  return (
    <>
      <h2>Funnel</h2>
      <ByTabs page="funnel" bys={BYS} by={by} />
      {!data ? (
        <Loading failed={failed} />
      ) : !groups.length ? (
        <div class="empty">No funnel data yet.</div>
      ) : (
        <>
          <section class="card">
            <h3>All leads</h3>
            <FunnelBars counts={total} stages={STAGES} />
          </section>
          <section class="card compare">
            <h3>Conversion by {by}</h3>
            <div class="charts">
              {RATES.map(([k, label]) => (
                <div key={k}>
                  <h4>
                    {label} per {by} (95% interval)
                  </h4>
                  <IntervalChart
                    rows={groups.map((g) => ({
                      label: g.key,
                      ...(g.rates[k] ?? { value: null, low: 0, high: 0 }),
                    }))}
                  />
                </div>
              ))}
            </div>
          </section>
          {groups.map((g) => {
            const v = g.velocityDays ?? {};
            const sv = g.salesVelocity;
            return (
              <section class="card group" data-group={g.key} key={g.key}>
                <h3>
                  {by}: {g.key}
                </h3>
                <div class="charts">
                  <div>
                    <h4>Leads per stage</h4>
                    <FunnelBars counts={g.counts} stages={STAGES} />
                  </div>
                  <div>
                    <h4>Days per stage (median, p75)</h4>
                    <VelocityBars
                      rows={VELOCITY.map(([k, label]) => ({
                        label,
                        median: v[k]?.median ?? null,
                        p75: v[k]?.p75 ?? null,
                      }))}
                    />
                  </div>
                </div>
                {sv && (
                  <p class="muted">
                    {`Sales velocity ${num(sv.perDay)} ${sv.currency}/day (${sv.opportunities} opportunities × ${pct(sv.winRate)} win × ${num(sv.averageDeal)} ÷ ${num(sv.cycleDays)} d)`}
                  </p>
                )}
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
