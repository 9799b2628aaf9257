import type { PostKind } from '../../domain/post.ts';
import type { ProspectProfile } from '../../domain/prospect.ts';
import type { FoundPost, RejectedRecord, SearchPage } from '../../ports/social-source.ts';
import { issueAt, parseEnvelope } from '../wire-validation.ts';
import { XSearchEnvelopeSchema, type XTweet, XTweetSchema, type XUser, XUserSchema } from './wire.ts';

function kindOf(t: XTweet): { kind: PostKind; referencedPostId?: string } {
  const ref = t.referenced_tweets?.[0];
  if (!ref) return { kind: 'original' };
  const kind: PostKind = ref.type === 'retweeted' ? 'retweet' : ref.type === 'quoted' ? 'quote' : 'reply';
  return { kind, referencedPostId: ref.id };
}

function toProfile(u: XUser): ProspectProfile {
  return {
    source: 'x',
    authorId: u.id,
    handle: u.username,
    name: u.name,
    bio: u.description,
    location: u.location,
    url: u.url,
    profileUrl: `https://x.com/${u.username}`,
    followers: u.public_metrics.followers_count,
    following: u.public_metrics.following_count,
    postsCount: u.public_metrics.tweet_count,
    accountCreatedAt: u.created_at,
    verified: u.verified,
  };
}

/**
 * Validates one recent-search response. A broken envelope rejects the page (MalformedPageError
 * naming the field); a broken tweet or user rejects only that record, with its field named, so one
 * bad record never costs the rest of the page.
 */
export function normaliseSearchPage(body: unknown): Omit<SearchPage, 'rateLimit'> {
  const { data = [], includes, meta, errors = [] } = parseEnvelope(XSearchEnvelopeSchema, body);
  const problems = new Map(
    errors.flatMap((e) => (e.resource_id ? [[e.resource_id, e.detail ?? e.title]] : [])),
  );
  const rejected: RejectedRecord[] = [];
  const authors = new Map<string, ProspectProfile>();
  (includes?.users ?? []).forEach((raw, i) => {
    const user = XUserSchema.safeParse(raw);
    if (user.success) authors.set(user.data.id, toProfile(user.data));
    else
      rejected.push({
        id: (raw as { id?: string })?.id,
        error: issueAt(`includes.users[${i}]`, user.error),
      });
  });
  const posts: FoundPost[] = [];
  data.forEach((raw, i) => {
    const parsed = XTweetSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ id: (raw as { id?: string })?.id, error: issueAt(`data[${i}]`, parsed.error) });
      return;
    }
    const t = parsed.data;
    const author = authors.get(t.author_id);
    if (!author) {
      rejected.push({
        id: t.id,
        error: `data[${i}].author_id: author ${t.author_id} missing from includes.users${
          problems.has(t.author_id) ? ` (X: ${problems.get(t.author_id)})` : ''
        }`,
      });
      return;
    }
    const m = t.public_metrics ?? {};
    posts.push({
      source: 'x',
      id: t.id,
      text: t.text,
      url: `https://x.com/${author.handle}/status/${t.id}`,
      createdAt: t.created_at,
      authorId: t.author_id,
      lang: t.lang,
      ...kindOf(t),
      metrics: {
        likes: m.like_count ?? 0,
        replies: m.reply_count ?? 0,
        reposts: m.retweet_count ?? 0,
        quotes: m.quote_count ?? 0,
      },
    });
  });
  return {
    posts,
    authors,
    rejected,
    newestId: meta.newest_id,
    oldestId: meta.oldest_id,
    nextToken: meta.next_token,
  };
}
