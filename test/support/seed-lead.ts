import type { Post, Source } from '../../shared/domain/post.ts';
import type { ProspectProfile } from '../../shared/domain/prospect.ts';
import type { LeadStore } from '../../shared/ports/lead-store.ts';
import type { PostStore } from '../../shared/ports/post-store.ts';

const AUTHOR_IDS: Record<Source, (n: number) => string> = {
  x: (n) => String(n),
  reddit: (n) => `t2_${n.toString(36)}`,
  hackernews: (n) => `hn${n}`,
  bluesky: (n) => `did:web:p${n}.example`,
};

/**
 * A scored lead as discovery and qualification leave it: one post in `campaign` on `source`, then
 * a score in `state`. For queue, count and bench tests that need many varied leads.
 */
export async function seedLead(
  stores: { posts: PostStore; leads: LeadStore },
  input: {
    n: number;
    source?: Source;
    campaign?: string;
    score: number;
    state?: 'review' | 'mql' | 'nurture';
  },
  now = new Date(),
): Promise<string> {
  const source = input.source ?? 'x';
  const authorId = AUTHOR_IDS[source](input.n);
  const post: Post = {
    source,
    id: `9${input.n}`,
    text: `evaluating CRMs, post ${input.n}`,
    url: `https://example.com/p${input.n}`,
    createdAt: now.toISOString(),
    authorId,
    kind: 'original',
    metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
    campaignIds: [input.campaign ?? 'crm'],
  };
  const author: ProspectProfile = {
    source,
    authorId,
    handle: `p${input.n}`,
    name: `P ${input.n}`,
    bio: 'VP Sales',
    followers: 500,
    following: 1,
    postsCount: 10,
    verified: false,
  };
  const signal = {
    postId: post.id,
    postKind: post.kind,
    campaignIds: post.campaignIds,
    at: post.createdAt,
    text: post.text,
    url: post.url,
  };
  await stores.posts.recordPost({ post, author, signal }, now);
  const key = `${source}#${authorId}`;
  // As scoring leaves it: the breakdown names the post that earned the points.
  const breakdown = [
    {
      ruleId: 'intent.shopping',
      kind: 'intent.phrase',
      points: input.score,
      evidence: 'evaluating',
      postId: post.id,
    },
  ];
  const update = { score: input.score, breakdown, definitionVersion: 1, state: input.state ?? 'review' };
  if (!(await stores.leads.saveScore(key, 1, update, now))) throw new Error(`could not score ${key}`);
  return key;
}
