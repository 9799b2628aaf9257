import type { Post } from '../../shared/domain/post.ts';
import type { ProspectProfile } from '../../shared/domain/prospect.ts';
import type { PostStore } from '../../shared/ports/post-store.ts';

/** Stores one original post on X by a VP with a company site, with its signal, as discovery would. */
export async function seedPost(
  posts: PostStore,
  input: {
    authorId: string;
    postId: string;
    text: string;
    handle?: string;
    intent?: { p: number; model: string };
  },
  now = new Date(),
) {
  const post: Post = {
    source: 'x',
    id: input.postId,
    text: input.text,
    url: `https://x.com/${input.handle ?? `p${input.authorId}`}/status/${input.postId}`,
    createdAt: now.toISOString(),
    authorId: input.authorId,
    kind: 'original',
    metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
    campaignIds: ['crm'],
  };
  const author: ProspectProfile = {
    source: 'x',
    authorId: input.authorId,
    handle: input.handle ?? `p${input.authorId}`,
    name: `P ${input.authorId}`,
    bio: 'VP Sales',
    url: 'https://a.io',
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
    ...(input.intent ? { intent: input.intent } : {}),
  };
  return posts.recordPost({ post, author, signal }, now);
}
