import type { TimelineEntry } from '../../../../shared/domain/lead-timeline.ts';
import type { LeadTimeline } from '../../../../shared/use-cases/lead-timeline.ts';
import { api, keyPath, safeUrl } from '../api.ts';
import { Loading, useLoad } from '../components/use-load.tsx';
import type { PageProps } from '../router.ts';

export type Timeline = LeadTimeline;

const KIND_LABEL: Record<TimelineEntry['kind'], string> = {
  post: 'Post',
  score: 'Score',
  decision: 'Decision',
  task: 'Engagement',
  engagement: 'They engaged',
};

/** A lead's whole story: posts, score changes, decisions, engagement and exports, oldest first. */
export function LeadPage({ rest }: PageProps) {
  const [source = '', authorId = ''] = rest;
  const key = `${source}#${authorId}`;
  const { data, failed } = useLoad(
    () => api<Timeline>('GET', `/api/leads/${keyPath(key)}/timeline`),
    [source, authorId],
  );
  if (!data)
    return (
      <>
        <h2>Lead</h2>
        <Loading failed={failed} />
      </>
    );
  return (
    <>
      <h2>
        {data.name}{' '}
        <span class="muted">
          {`@${data.handle} · ${data.state} · score ${data.score}`}
          {data.definitionVersion !== undefined && ` · definition v${data.definitionVersion}`}
          {data.modelVersion && ` · model ${data.modelVersion}`}
        </span>
      </h2>
      <ol class="timeline">
        {data.entries.map((e, i) => {
          const url = safeUrl(e.url);
          return (
            <li key={i} class={`entry ${e.kind}`} data-kind={e.kind}>
              <time dateTime={e.at}>{e.at.slice(0, 16).replace('T', ' ')}</time>{' '}
              <strong>{KIND_LABEL[e.kind]}:</strong> {e.title}
              {e.who && <span class="muted">{` by ${e.who}`}</span>}
              {e.definitionVersion !== undefined && (
                <span class="muted">{` · definition v${e.definitionVersion}`}</span>
              )}
              {e.modelVersion && <span class="muted">{` · model ${e.modelVersion}`}</span>}
              {url && (
                <>
                  {' '}
                  <a href={url} target="_blank" rel="noopener noreferrer">
                    source
                  </a>
                </>
              )}
              {e.detail && <div class="muted detail">{e.detail}</div>}
            </li>
          );
        })}
      </ol>
      {!data.entries.length && <div class="empty">No history yet.</div>}
      {!!data.notStored.length && (
        <section class="card not-stored">
          <h3>Not stored</h3>
          <ul>
            {data.notStored.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
