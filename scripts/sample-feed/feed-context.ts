/**
 * Shared state while the feed is being written: the posts so far, how many of each kind are still to be
 * written, and the helpers (composer, author picker, timeline) every stage uses.
 */
import { AuthorPicker } from './authors.ts';
import { CAMPAIGNS } from './campaigns.ts';
import { Composer } from './compose.ts';
import { ANCHOR, kindCounts, TOTAL_TWEETS } from './plan.ts';
import type { Rng } from './rng.ts';
import { type Metrics, Timeline } from './timeline.ts';
import type { CampaignId, Domain, Kind, Lang, ReferencedTweet } from './types.ts';
import { UserFactory, type UserRecord } from './users.ts';

export interface Post {
  seq: number;
  kind: Kind;
  text: string;
  lang: Lang;
  author: UserRecord;
  domains: Domain[];
  ms: number;
  refType?: ReferencedTweet['type'];
  parent?: Post;
  /** Id of a retweeted original that is not part of the feed. */
  externalId?: string;
  id: string;
  conversationId: string;
  metrics?: Metrics;
}

export type NewPost = Omit<Post, 'seq' | 'ms' | 'id' | 'conversationId'>;

export const DOMAIN_OF: Record<CampaignId, Domain> = {
  'crm-switchers': 'crm',
  'warehouse-evaluators': 'warehouse',
  'observability-buyers': 'observability',
};

export interface FeedContext {
  posts: Post[];
  remaining: Record<Kind, number>;
  users: UserFactory;
  authors: AuthorPicker;
  composer: Composer;
  timeline: Timeline;
  /** Structural choices (which parent, which template deck order). */
  rngPlan: Rng;
  /** Slot values and styling. */
  rngText: Rng;
  add(p: NewPost): Post;
}

export function createContext(root: Rng): FeedContext {
  const anchorMs = Date.parse(ANCHOR);
  const rngUsers = root.fork('users');
  const rngText = root.fork('text');
  const users = new UserFactory(rngUsers, anchorMs);
  const posts: Post[] = [];
  const remaining = kindCounts(TOTAL_TWEETS);
  return {
    posts,
    remaining,
    users,
    authors: new AuthorPicker(users, rngUsers.fork('pick')),
    composer: new Composer(CAMPAIGNS, rngText),
    timeline: new Timeline(anchorMs, root.fork('time')),
    rngPlan: root.fork('plan'),
    rngText,
    add(p: NewPost): Post {
      p.author.posts++;
      const post: Post = { ...p, seq: posts.length, ms: 0, id: '', conversationId: '' };
      posts.push(post);
      remaining[p.kind]--;
      return post;
    },
  };
}
