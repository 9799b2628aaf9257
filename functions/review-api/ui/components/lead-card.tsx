import type { ComponentChildren } from 'preact';
import { keyPath, safeUrl } from '../format.ts';
import type { Lead } from '../types.ts';
import { Highlighted } from './highlight.tsx';

/** "+20" / "-40". */
export const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`;

/**
 * A lead as a reviewer reads it: the post that scored first, with the words that scored marked;
 * then the breakdown in words, the person (bio, followers, company link) and where it came from.
 */
export function LeadCard({
  lead,
  selected,
  children,
}: {
  lead: Lead;
  selected?: boolean;
  children?: ComponentChildren;
}) {
  const post = lead.scoringPost;
  const postUrl = safeUrl(post?.url);
  const company = safeUrl(lead.profile.url);
  const campaigns = post?.campaignIds.length ? post.campaignIds : lead.campaignIds;
  const why = lead.why ?? lead.breakdown.map((b) => `${b.evidence}: ${b.ruleId} ${signed(b.points)}`);
  return (
    <article
      class={`card lead${selected ? ' selected' : ''}`}
      data-key={lead.key}
      aria-current={selected ? 'true' : undefined}
      aria-label={`${lead.profile.name}, score ${lead.score}`}
    >
      {post ? (
        <blockquote class="post">
          <p>
            <Highlighted text={post.text} phrases={post.highlights} cues={post.modelCues} />
          </p>
          <footer class="muted">
            {postUrl ? (
              <a href={postUrl} target="_blank" rel="noopener noreferrer">
                {post.at.slice(0, 10)}
              </a>
            ) : (
              post.at.slice(0, 10)
            )}
            {` · ${lead.profile.source} · campaign ${campaigns.join(', ') || '—'}`}
          </footer>
        </blockquote>
      ) : (
        <p class="muted">{`No stored post (${lead.profile.source} · campaign ${campaigns.join(', ') || '—'})`}</p>
      )}
      <div class="row">
        <div>
          <strong>{lead.profile.name}</strong>{' '}
          <span class="muted">{`@${lead.profile.handle} · ${lead.profile.followers} followers`}</span>
          {company && (
            <>
              {' · '}
              <a href={company} target="_blank" rel="noopener noreferrer">
                {new URL(company).host}
              </a>
            </>
          )}
          {' · '}
          <a href={`#/lead/${keyPath(lead.key)}`}>timeline</a>
        </div>
        <div class="score" title={`definition v${lead.definitionVersion ?? '?'}`}>
          {lead.score}
          {lead.fitGrade && (
            <span class="grade" title="fit grade (A best)">
              {` · fit ${lead.fitGrade}`}
            </span>
          )}
        </div>
      </div>
      <div class="muted bio">{lead.profile.bio}</div>
      <ul class="why">
        {why.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
      {children}
    </article>
  );
}
