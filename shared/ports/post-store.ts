import type { Post } from '../domain/post.ts';
import type { ProspectProfile } from '../domain/prospect.ts';
import type { Signal } from '../domain/signal.ts';

export interface PostRecord {
  post: Post;
  author: ProspectProfile;
  /** Absent for retweets: the retweeter did not write the words, so no prospect is created from one. */
  signal?: Signal;
}

export type PostOutcome = 'new' | 'duplicate';

/** Posts are stored once; the post, its author and their signal land together or not at all. */
export interface PostStore {
  recordPost(record: PostRecord, now: Date): Promise<PostOutcome>;
  countPosts(): Promise<number>;
}
