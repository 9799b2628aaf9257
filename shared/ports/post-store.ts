import type { Post } from '../domain/post.ts';
import type { ProspectProfile } from '../domain/prospect.ts';
import type { Signal } from '../domain/signal.ts';

export interface PostRecord {
  post: Post;
  author: ProspectProfile;
  /** Absent for retweets: the retweeter did not write the words, so no prospect is created from one. */
  signal?: Signal;
}

/** `suppressed`: the author was erased on request, so nothing about them is stored again. */
export type PostOutcome = 'new' | 'duplicate' | 'suppressed';

/** Posts are stored once; the post, its author and their signal land together or not at all. */
export interface PostStore {
  recordPost(record: PostRecord, now: Date): Promise<PostOutcome>;
  countPosts(): Promise<number>;
}
