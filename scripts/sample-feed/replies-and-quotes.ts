/**
 * Conversations: vendors and competitor staff replying under buying signals, consultants and peers
 * answering how-to questions, and quote posts commenting on news and other posts.
 */
import { type Answer, adviceReplies } from './advice-giving.ts';
import { competitorReplies } from './competitor-staff.ts';
import type { FeedContext, Post } from './feed-context.ts';
import { QUOTES, REPLIES } from './plan.ts';
import { fill, style, tco } from './text-style.ts';
import { CAMPAIGN_OF, DOMAINS, type Domain, type Kind } from './types.ts';
import type { UserRecord } from './users.ts';

export function writeRepliesAndQuotes(ctx: FeedContext): void {
  const { authors, composer, rngPlan, rngText, posts, add } = ctx;
  // 7. Replies: vendors and competitor staff swarm buying signals; consultants answer how-to questions.
  const replyCount = new Map<Post, number>();
  const eligible = (kind: Kind, domain: Domain, notBy: UserRecord): Post[] =>
    posts.filter(
      (p) =>
        p.kind === kind &&
        p.lang === 'en' &&
        !p.refType &&
        p.domains.includes(domain) &&
        p.author !== notBy &&
        (replyCount.get(p) ?? 0) < 3,
    );
  // Prefer posts nobody has replied to yet, but let a few collect several replies.
  const choose = (pool: Post[]): Post => {
    const fresh = pool.filter((p) => !replyCount.has(p));
    const parent = rngPlan.pick(fresh.length && rngPlan.chance(0.7) ? fresh : pool);
    replyCount.set(parent, (replyCount.get(parent) ?? 0) + 1);
    return parent;
  };
  const pickParent = (kind: Kind, domain: Domain, notBy: UserRecord): Post =>
    choose(eligible(kind, domain, notBy));
  for (let i = 0; i < REPLIES.vendorUnderBuying; i++) {
    const domain = DOMAINS[i % 3]!;
    const author = authors.forKind('vendor_promo', domain);
    const parent = pickParent('buying_signal', domain, author);
    const text = composer.vendorReply(
      domain,
      author,
      { text: parent.text, username: parent.author.user.username },
      [CAMPAIGN_OF[domain]],
    );
    add({ kind: 'vendor_promo', text, lang: 'en', author, domains: [domain], refType: 'replied_to', parent });
  }
  for (let i = 0; i < REPLIES.competitorUnderBuying; i++) {
    const domain = DOMAINS[i % 3]!;
    const entry = composer.deckOf(`competitor-reply:${domain}`, competitorReplies[domain]).draw();
    const author = authors.competitor(domain, entry.employer);
    const parent = pickParent('buying_signal', domain, author);
    const text = composer.until(
      [CAMPAIGN_OF[domain]],
      'en',
      () =>
        `@${parent.author.user.username} ${style(fill(entry.text, rngText), rngText, { voice: 'pro', mood: 'none' })}`,
      'competitor reply',
    );
    add({
      kind: 'competitor_staff',
      text,
      lang: 'en',
      author,
      domains: [domain],
      refType: 'replied_to',
      parent,
    });
  }
  // Answers are matched to questions by topic, so the reply actually answers the question.
  for (let i = 0; i < REPLIES.adviceUnderHowto; i++) {
    const domain = DOMAINS[i % 3]!;
    const author = rngPlan.chance(0.65)
      ? authors.forKind('advice_giving', domain)
      : authors.forKind('happy_customer', domain);
    const answers = composer.deckOf(`answer:${domain}`, adviceReplies[domain]);
    let picked: { answer: Answer; parent: Post } | undefined;
    for (let tries = 0; !picked && tries < 60; tries++) {
      const answer = answers.draw();
      const fits = eligible('howto_question', domain, author).filter((p) => answer.topic.test(p.text));
      if (fits.length) picked = { answer, parent: choose(fits) };
    }
    if (!picked) throw new Error(`no how-to question to answer in ${domain}`);
    const { answer, parent } = picked;
    const text = composer.until(
      [CAMPAIGN_OF[domain]],
      'en',
      () =>
        `@${parent.author.user.username} ${style(fill(answer.text, rngText), rngText, { voice: 'casual', mood: 'none' })}`,
      'answer',
    );
    add({
      kind: 'advice_giving',
      text,
      lang: 'en',
      author,
      domains: [domain],
      refType: 'replied_to',
      parent,
    });
  }

  // Quote posts: vendors, consultants and competitor staff riding news and buying signals; practitioners
  // quoting someone else's pain ("same.").
  const QUOTE_PARENTS: Partial<Record<Kind, readonly Kind[]>> = {
    vendor_promo: ['news', 'news', 'buying_signal'],
    advice_giving: ['news', 'buying_signal', 'howto_question'],
    competitor_staff: ['news'],
    soft_signal: ['soft_signal', 'buying_signal'],
  };
  const quoters = rngPlan
    .shuffle(posts)
    .filter((p) => !p.refType && p.lang === 'en' && p.text.length <= 240 && QUOTE_PARENTS[p.kind]);
  let quotes = 0;
  for (const p of quoters) {
    if (quotes >= QUOTES) break;
    const parentKind = rngPlan.pick(QUOTE_PARENTS[p.kind]!);
    const parents = posts.filter(
      (q) =>
        q !== p &&
        !q.refType &&
        q.lang === 'en' &&
        q.author !== p.author &&
        q.kind === parentKind &&
        q.domains.some((d) => p.domains.includes(d)),
    );
    if (!parents.length) continue;
    const parent = rngPlan.pick(parents);
    const lead =
      p.kind === 'soft_signal' ? rngPlan.pick(['same. ', 'relatable. ', 'this, but also: ', '']) : '';
    const text = `${lead}${p.text} ${tco(rngText)}`;
    if (composer.campaignsOf(text, 'en').join() !== composer.campaignsOf(p.text, 'en').join()) continue;
    Object.assign(p, { text, refType: 'quoted', parent });
    quotes++;
  }
}
