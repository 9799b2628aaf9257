/**
 * Assembles the sample feed: plans how many posts of each kind, writes them (originals.ts, replies-and-
 * quotes.ts, retweets.ts), places everything in time, assigns snowflake ids and engagement numbers, and
 * shapes the result as X API v2 objects plus ground-truth labels.
 */
import { createContext, type Post } from './feed-context.ts';
import { writeOriginals } from './originals.ts';
import { ANCHOR, SEED } from './plan.ts';
import { applyProfileQuirks } from './profile-quirks.ts';
import { writeRepliesAndQuotes } from './replies-and-quotes.ts';
import { writeRetweets } from './retweets.ts';
import { Rng } from './rng.ts';
import { snowflake } from './snowflake.ts';
import { engagement } from './timeline.ts';
import type { Label, XTweet, XUser } from './types.ts';

export interface BuiltFeed {
  feed: { anchor: string; tweets: XTweet[]; users: XUser[] };
  labels: Record<string, Label>;
  posts: Post[];
  quirks: { injection: number; optOutTweets: number };
}

export function buildFeed(): BuiltFeed {
  const root = new Rng(SEED);
  const ctx = createContext(root);
  const { posts, composer, users, timeline } = ctx;

  writeOriginals(ctx);
  writeRepliesAndQuotes(ctx);

  // Time: roots anywhere in the window, replies and quotes after what they answer.
  const place = (p: Post): number => {
    if (p.ms) return p.ms;
    p.ms = p.parent ? timeline.after(place(p.parent)) : timeline.root(p.kind === 'spam_duplicate');
    return p.ms;
  };
  for (const p of posts) place(p);

  writeRetweets(ctx);

  // Ids in time order, conversations.
  posts.sort((a, b) => a.ms - b.ms || a.seq - b.seq);
  const rngIds = root.fork('ids');
  let prev = 0;
  for (const p of posts) {
    if (p.ms <= prev) p.ms = prev + 1;
    prev = p.ms;
    p.id = snowflake(p.ms, rngIds);
    p.conversationId = p.refType === 'replied_to' && p.parent ? p.parent.conversationId : p.id;
  }

  // Engagement numbers, never below what the feed itself shows.
  const rngMetrics = root.fork('metrics');
  for (const p of posts) {
    if (p.kind === 'retweet') continue;
    const brand = ['vendor_brand', 'partner', 'careers', 'media'].includes(p.author.persona);
    p.metrics = engagement(
      p.kind,
      p.author.user.public_metrics.followers_count,
      p.refType === 'replied_to',
      brand,
      rngMetrics,
    );
  }
  for (const p of posts) {
    const m = p.parent?.metrics;
    if (!m) continue;
    if (p.refType === 'replied_to') m.reply_count++;
    if (p.refType === 'quoted') m.quote_count++;
    if (p.refType === 'retweeted') m.retweet_count++;
  }
  for (const p of posts) {
    if (p.kind !== 'retweet') continue;
    const rc = p.parent?.metrics?.retweet_count ?? rngMetrics.int(1, 80);
    p.metrics = { retweet_count: rc, reply_count: 0, like_count: 0, quote_count: 0, impression_count: 0 };
  }

  const quirks = applyProfileQuirks(
    users.records.filter((r) => r.posts > 0),
    root.fork('quirks'),
  );
  const optOutIds = new Set(quirks.optOut.map((u) => u.user.id));

  const tweets: XTweet[] = posts.map((p) => {
    const t: XTweet = {
      id: p.id,
      text: p.text,
      author_id: p.author.user.id,
      created_at: new Date(p.ms).toISOString(),
      lang: p.lang,
      conversation_id: p.conversationId,
      public_metrics: p.metrics!,
    };
    if (p.refType) t.referenced_tweets = [{ type: p.refType, id: p.parent?.id ?? p.externalId! }];
    return t;
  });
  const labels: Record<string, Label> = {};
  tweets.forEach((t, i) => {
    labels[t.id] = {
      kind: posts[i]!.kind,
      campaigns: composer.campaignsOf(t.text, t.lang, t.referenced_tweets),
    };
  });
  const feedUsers = users.records
    .filter((r) => r.posts > 0)
    .map((r) => r.user)
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  return {
    feed: { anchor: ANCHOR, tweets, users: feedUsers },
    labels,
    posts,
    quirks: {
      injection: quirks.injection.length,
      optOutTweets: posts.filter((p) => optOutIds.has(p.author.user.id)).length,
    },
  };
}
