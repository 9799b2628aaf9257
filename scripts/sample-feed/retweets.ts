/** Retweets: "RT @user: …" posts pointing at feed tweets or at older tweets outside the window. */
import type { FeedContext } from './feed-context.ts';
import { DOMAIN_OF } from './feed-context.ts';
import { RETWEETS_IN_FEED } from './plan.ts';
import { snowflake } from './snowflake.ts';
import { CAMPAIGN_OF, DOMAINS, type Kind, type ReferencedTweet } from './types.ts';

const RT_WEIGHT: Partial<Record<Kind, number>> = {
  buying_signal: 1,
  soft_signal: 0.6,
  vendor_promo: 1.2,
  job_post: 2,
  job_seeker: 2.5,
  happy_customer: 1,
  howto_question: 0.6,
  advice_giving: 2,
  news: 2.5,
  competitor_staff: 1,
  off_topic: 0.5,
};

/** X renders retweets as "RT @user: " + the original, cut to ~140 characters. */
export function retweetText(username: string, text: string): string {
  const full = `RT @${username}: ${text}`;
  if (full.length <= 140) return full;
  const cut = full.slice(0, 139);
  const space = cut.lastIndexOf(' ');
  return `${space > 100 ? cut.slice(0, space) : cut}…`;
}

export function writeRetweets(ctx: FeedContext): void {
  const { composer, authors, users, timeline, rngPlan: rng, add, posts } = ctx;
  const count = ctx.remaining.retweet;
  const originals = posts.filter(
    (p) => p.refType !== 'replied_to' && RT_WEIGHT[p.kind] && p.ms < timeline.anchor - 15 * 60_000,
  );
  const seen = new Set<string>();
  const inFeed = Math.round(count * RETWEETS_IN_FEED);
  for (let made = 0, guard = 0; made < inFeed; guard++) {
    if (guard > 5000) throw new Error('could not place retweets');
    const orig = rng.weighted(originals.map((p) => [p, RT_WEIGHT[p.kind]!] as const));
    const text = retweetText(orig.author.user.username, orig.text);
    const refs: ReferencedTweet[] = [{ type: 'retweeted', id: 'x' }];
    const got = composer.campaignsOf(text, orig.lang, refs);
    if (!got.length) continue;
    const staff =
      orig.author.persona === 'vendor_brand' && rng.chance(0.5)
        ? users.records.find(
            (u) => u.persona === 'vendor_staff' && u.vendor === orig.author.vendor && u.posts < 4,
          )
        : undefined;
    const who = staff ?? authors.retweeter(orig.domains[0]!, orig.author.user.id);
    const key = `${who.user.id}:${orig.seq}`;
    if (seen.has(key) || who === orig.author) continue;
    seen.add(key);
    const p = add({
      kind: 'retweet',
      text,
      lang: orig.lang,
      author: who,
      domains: got.map((c) => DOMAIN_OF[c]),
      refType: 'retweeted',
      parent: orig,
    });
    p.ms = timeline.after(orig.ms);
    made++;
  }
  // Retweets of older posts that are not in the feed (the original predates the window).
  const SOURCES: readonly (readonly [Kind, readonly string[]])[] = [
    ['news', ['media', 'journalist']],
    ['advice_giving', ['consultant']],
    ['vendor_promo', ['vendor_brand', 'partner']],
    ['buying_signal', ['buyer']],
    ['job_post', ['recruiter', 'careers']],
  ];
  for (let made = 0, guard = 0; made < count - inFeed; guard++) {
    if (guard > 500) throw new Error('could not place external retweets');
    const [kind, personas] = rng.pick(SOURCES);
    const domain = rng.pick(DOMAINS);
    const pool = users.records.filter(
      (u) => personas.includes(u.persona) && u.domain === domain && u.lang === 'en',
    );
    if (!pool.length) continue;
    const author = rng.pick(pool);
    const original = composer.original(kind, domain, author, [CAMPAIGN_OF[domain]]);
    const text = retweetText(author.user.username, original);
    const got = composer.campaignsOf(text, 'en');
    if (!got.length) continue;
    const who = authors.retweeter(domain, author.user.id);
    if (who === author) continue;
    const p = add({
      kind: 'retweet',
      text,
      lang: 'en',
      author: who,
      domains: got.map((c) => DOMAIN_OF[c]),
      refType: 'retweeted',
      externalId: snowflake(timeline.beforeWindow(), rng),
    });
    p.ms = timeline.root();
    made++;
  }
}
