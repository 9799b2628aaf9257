/**
 * Checks the generated feed against everything the brief promises and computes the numbers printed at the
 * end of generation (and copied into docs/sample-feed.md). Throws on any violation.
 */
import { matchesQuery } from '../../local/fake-x/query-matcher.ts';
import { MAX_POSTS } from './authors.ts';
import type { BuiltFeed } from './build-feed.ts';
import { CAMPAIGNS } from './campaigns.ts';
import { KINDS, type Kind } from './types.ts';

export interface FeedStats {
  tweets: number;
  users: number;
  byKind: Record<Kind, number>;
  byCampaign: Record<string, number>;
  multiCampaign: number;
  byLang: Record<string, number>;
  replies: number;
  quotes: number;
  retweetsInFeed: number;
  retweetsExternal: number;
  uniqueShare: number;
  repeatAuthors: number;
  maxPostsPerAuthor: number;
  injectionUsers: number;
  optOutTweets: number;
}

/** Text used for the uniqueness check: without t.co links and leading @mentions (reply prefixes). */
export function normalizedText(text: string): string {
  return text
    .replace(/https:\/\/t\.co\/\w+/g, '')
    .replace(/^(@\w+\s+)+/, '')
    .trim();
}

/** Hard invariants throw immediately; target ranges (counts, shares) are collected in `problems`. */
export function checkFeed(built: BuiltFeed): { stats: FeedStats; problems: string[] } {
  const { feed, labels, quirks } = built;
  const fail = (msg: string): never => {
    throw new Error(`sample feed check failed: ${msg}`);
  };
  const problems: string[] = [];
  const miss = (msg: string) => problems.push(msg);
  const start = Date.parse(feed.anchor) - 6 * 86_400_000;
  const end = Date.parse(feed.anchor);

  for (const c of CAMPAIGNS) {
    if (c.query.length > 512) fail(`query of ${c.id} is ${c.query.length} chars`);
    if (/-is:retweet/.test(c.query)) fail(`query of ${c.id} excludes retweets`);
  }
  const userIds = new Set(feed.users.map((u) => u.id));
  if (userIds.size !== feed.users.length) fail('duplicate user ids');
  const handles = new Set(feed.users.map((u) => u.username.toLowerCase()));
  if (handles.size !== feed.users.length) fail('duplicate usernames');
  for (const u of feed.users) {
    if (!/^\w{1,15}$/.test(u.username)) fail(`bad username ${u.username}`);
    if (u.description.length > 160) fail(`bio too long for @${u.username}`);
  }

  const tweetIds = new Set<string>();
  const posts = new Map<string, number>();
  let prevId = 0n;
  let prevMs = 0;
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const byCampaign: Record<string, number> = Object.fromEntries(CAMPAIGNS.map((c) => [c.id, 0]));
  const byLang: Record<string, number> = {};
  let multi = 0;
  let replies = 0;
  let quotes = 0;
  let rtIn = 0;
  let rtOut = 0;
  const texts: string[] = [];
  for (const t of feed.tweets) {
    const id = BigInt(t.id);
    const ms = Date.parse(t.created_at);
    if (!/^\d{18,19}$/.test(t.id)) fail(`tweet id ${t.id} is not snowflake-like`);
    if (id <= prevId || ms <= prevMs) fail(`tweet ${t.id} is not strictly after the previous one`);
    if (ms < start || ms >= end) fail(`tweet ${t.id} outside the 6-day window`);
    if (new Date(ms).toISOString() !== t.created_at) fail(`created_at of ${t.id} is not ISO with ms`);
    prevId = id;
    prevMs = ms;
    tweetIds.add(t.id);
    if (!userIds.has(t.author_id)) fail(`author ${t.author_id} of ${t.id} missing from users`);
    posts.set(t.author_id, (posts.get(t.author_id) ?? 0) + 1);
    if (t.text.length > 280) fail(`tweet ${t.id} longer than 280 chars`);

    const matched = CAMPAIGNS.filter((c) => matchesQuery(c.query, t)).map((c) => c.id);
    if (!matched.length) fail(`tweet ${t.id} matches no campaign: ${t.text}`);
    const label = labels[t.id] ?? fail(`no label for ${t.id}`);
    if (label.campaigns.join() !== matched.join())
      fail(`label campaigns of ${t.id} disagree with the matcher`);
    byKind[label.kind]++;
    for (const c of matched) byCampaign[c]!++;
    if (matched.length > 1) multi++;
    byLang[t.lang] = (byLang[t.lang] ?? 0) + 1;

    for (const r of t.referenced_tweets ?? []) {
      if (r.type === 'replied_to') {
        replies++;
        if (!tweetIds.has(r.id)) fail(`reply ${t.id} points at a tweet not earlier in the feed`);
      }
      if (r.type === 'quoted') {
        quotes++;
        if (!tweetIds.has(r.id)) fail(`quote ${t.id} points at a tweet not earlier in the feed`);
      }
      if (r.type === 'retweeted') {
        if (tweetIds.has(r.id)) rtIn++;
        else if (BigInt(r.id) < BigInt(feed.tweets[0]!.id)) rtOut++;
        else fail(`retweet ${t.id} points at a later or unknown tweet`);
        if (!t.text.startsWith('RT @')) fail(`retweet ${t.id} text does not start with RT @`);
      }
    }
    if ((label.kind === 'retweet') !== (t.referenced_tweets?.[0]?.type === 'retweeted'))
      fail(`retweet label mismatch on ${t.id}`);
    if (label.kind !== 'spam_duplicate' && label.kind !== 'retweet') texts.push(normalizedText(t.text));
  }

  const uniqueShare = new Set(texts).size / texts.length;
  const maxPosts = Math.max(...posts.values());
  const stats: FeedStats = {
    tweets: feed.tweets.length,
    users: feed.users.length,
    byKind,
    byCampaign,
    multiCampaign: multi,
    byLang,
    replies,
    quotes,
    retweetsInFeed: rtIn,
    retweetsExternal: rtOut,
    uniqueShare,
    repeatAuthors: [...posts.values()].filter((n) => n > 1).length,
    maxPostsPerAuthor: maxPosts,
    injectionUsers: quirks.injection,
    optOutTweets: quirks.optOutTweets,
  };

  if (stats.tweets < 1600) miss(`only ${stats.tweets} tweets`);
  for (const [c, n] of Object.entries(byCampaign)) if (n < 530) miss(`campaign ${c} has only ${n} tweets`);
  if (stats.users < 900 || stats.users > 1100) miss(`${stats.users} users, expected 900-1100`);
  const multiShare = multi / stats.tweets;
  if (multiShare < 0.05 || multiShare > 0.08)
    miss(`${(multiShare * 100).toFixed(1)}% of tweets match two campaigns`);
  if (uniqueShare < 0.85) miss(`only ${(uniqueShare * 100).toFixed(1)}% unique texts`);
  if (maxPosts > MAX_POSTS) miss(`an author posted ${maxPosts} times`);
  for (const k of KINDS) if (!byKind[k]) miss(`no ${k} tweets`);
  if (stats.optOutTweets < 3 || stats.optOutTweets > 5)
    miss(`${stats.optOutTweets} tweets from opt-out profiles`);
  const users = feed.users.length;
  const bait = feed.users.filter((u) => /^[=+@-]/.test(u.name) || /^[=+@-]/.test(u.description)).length;
  if (bait < users * 0.007 || bait > users * 0.02) miss(`${bait} formula-injection profiles`);
  return { stats, problems };
}

export function formatStats(s: FeedStats): string {
  const pct = (n: number) => `${((n / s.tweets) * 100).toFixed(1)}%`;
  const lines = [
    `tweets: ${s.tweets}   users: ${s.users}   (authors with 2-${s.maxPostsPerAuthor} posts: ${s.repeatAuthors})`,
    '',
    '| kind | tweets | share |',
    '| --- | ---: | ---: |',
    ...KINDS.map((k) => `| ${k} | ${s.byKind[k]} | ${pct(s.byKind[k])} |`),
    '',
    '| campaign | matching tweets |',
    '| --- | ---: |',
    ...Object.entries(s.byCampaign).map(([c, n]) => `| ${c} | ${n} |`),
    '',
    `matching two campaigns: ${s.multiCampaign} (${pct(s.multiCampaign)})`,
    `languages: ${Object.entries(s.byLang)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}`,
    `replies: ${s.replies}, quotes: ${s.quotes}, retweets of feed tweets: ${s.retweetsInFeed}, of older tweets: ${s.retweetsExternal}`,
    `unique texts (excluding spam and retweets): ${(s.uniqueShare * 100).toFixed(1)}%`,
    `formula-injection profiles: ${s.injectionUsers}, tweets from opt-out profiles: ${s.optOutTweets}`,
  ];
  return lines.join('\n');
}
