import { api, safeUrl } from '../api.ts';
import { Loading, useLoad } from '../components/use-load.tsx';

interface Won {
  name: string;
  handle: string;
  company?: string;
  deal: { value: number; currency: string };
  cohort?: { source?: string };
  campaignIds?: string[];
  definitionVersion?: number;
  daysToWon?: number;
  at: string;
  wonBy: string;
  posts?: { url: string }[];
}

/** Won customers, newest first, with where they came from. */
export function WonPage() {
  const { data, failed } = useLoad(() => api<{ customers: Won[] }>('GET', '/api/won'), []);
  if (!data)
    return (
      <>
        <h2>Won customers</h2>
        <Loading failed={failed} />
      </>
    );
  return (
    <>
      <h2>Won customers</h2>
      {!data.customers.length ? (
        <div class="empty">No customers won yet.</div>
      ) : (
        <table class="card">
          <thead>
            <tr>
              {[
                'Who',
                'Company',
                'Deal',
                'Source / campaigns',
                'Definition',
                'Days to won',
                'Won',
                'Posts',
              ].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.customers.map((w, i) => (
              <tr class="won" key={i}>
                <td>
                  <strong>{w.name}</strong>
                  <br />
                  <span class="muted">@{w.handle}</span>
                </td>
                <td>{w.company ?? ''}</td>
                <td class="num">{`${Number(w.deal.value).toLocaleString('en')} ${w.deal.currency}`}</td>
                <td>
                  {w.cohort?.source ?? ''}
                  <br />
                  <span class="muted">{(w.campaignIds ?? []).join(', ')}</span>
                </td>
                <td class="num">{w.definitionVersion ?? ''}</td>
                <td class="num">{w.daysToWon ?? ''}</td>
                <td>
                  {String(w.at).slice(0, 10)}
                  <br />
                  <span class="muted">by {w.wonBy}</span>
                </td>
                <td>
                  {(w.posts ?? []).map((p, j) =>
                    safeUrl(p.url) ? (
                      <a key={j} href={safeUrl(p.url)} target="_blank" rel="noopener noreferrer">
                        {`post ${j + 1} `}
                      </a>
                    ) : null,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
