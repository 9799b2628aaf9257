/**
 * Root posts: cross-campaign posts, non-English posts, plain single-campaign posts, competitor staff, word
 * collisions and spam bots.
 */
import { competitorPosts } from './competitor-staff.ts';
import { Deck, presetsFor, styleFor } from './compose.ts';
import { crossPosts } from './cross-campaign.ts';
import { DOMAIN_OF, type FeedContext } from './feed-context.ts';
import { foreignPosts } from './non-english.ts';
import { offTopicPosts } from './off-topic.ts';
import { CROSS_COUNTS, EXTRA_FOREIGN, REPLIES } from './plan.ts';
import { spamScripts } from './spam-bots.ts';
import { fill, style } from './text-style.ts';
import { CAMPAIGN_OF, DOMAINS, type Domain, type Kind } from './types.ts';
import type { UserRecord } from './users.ts';

export function writeOriginals(ctx: FeedContext): void {
  const { authors, composer, rngPlan, rngText, remaining, add } = ctx;
  const styled = (template: string, kind: Kind, author: UserRecord, domain: Domain) =>
    style(fill(template, rngText, presetsFor(author, domain)), rngText, {
      ...styleFor(kind, author, rngText),
      domain,
    });

  // 1. Posts that belong to two campaigns.
  for (const [kind, n] of Object.entries(CROSS_COUNTS) as [Kind, number][]) {
    const deck = new Deck(
      crossPosts.filter((c) => c.kind === kind),
      rngPlan,
    );
    for (let i = 0; i < n; i++) {
      const entry = deck.draw();
      const d0 = entry.domains[0];
      const author = authors.forKind(kind, d0);
      const want = entry.domains.map((d) => CAMPAIGN_OF[d]);
      const text = composer.until(want, 'en', () => styled(entry.text, kind, author, d0), `cross ${kind}`);
      add({ kind, text, lang: 'en', author, domains: [...entry.domains] });
    }
  }

  // 2. A few posts in German, French and Spanish.
  const withSlots = foreignPosts.filter((f) => f.text.includes('{'));
  const foreign = [...foreignPosts, ...Array.from({ length: EXTRA_FOREIGN }, () => rngPlan.pick(withSlots))];
  for (const entry of foreign) {
    const author = authors.forKind(entry.kind, entry.domain, entry.lang);
    const text = composer.until(
      [CAMPAIGN_OF[entry.domain]],
      entry.lang,
      () => fill(entry.text, rngText, presetsFor(author, entry.domain)),
      `foreign ${entry.kind}`,
    );
    add({ kind: entry.kind, text, lang: entry.lang, author, domains: [entry.domain] });
  }

  // 3. Plain single-campaign English posts, kinds interleaved so account reuse looks natural.
  const reserved: Partial<Record<Kind, number>> = {
    vendor_promo: REPLIES.vendorUnderBuying,
    advice_giving: REPLIES.adviceUnderHowto,
  };
  const plainKinds: Kind[] = [
    'buying_signal',
    'soft_signal',
    'vendor_promo',
    'job_post',
    'job_seeker',
    'happy_customer',
    'howto_question',
    'advice_giving',
    'news',
  ];
  const slots: { kind: Kind; domain: Domain }[] = [];
  for (const kind of plainKinds) {
    const n = remaining[kind] - (reserved[kind] ?? 0);
    const offset = rngPlan.int(0, 2);
    for (let i = 0; i < n; i++) slots.push({ kind, domain: DOMAINS[(offset + i) % 3]! });
  }
  for (const { kind, domain } of rngPlan.shuffle(slots)) {
    const author = authors.forKind(kind, domain);
    const text = composer.original(kind, domain, author, [CAMPAIGN_OF[domain]]);
    add({ kind, text, lang: 'en', author, domains: [domain] });
  }

  // 4. Competitor employees (template first: the template names the employer).
  const competitorOriginals = remaining.competitor_staff - REPLIES.competitorUnderBuying;
  for (let i = 0; i < competitorOriginals; i++) {
    const domain = DOMAINS[i % 3]!;
    const entry = composer.deckOf(`competitor:${domain}`, competitorPosts[domain]).draw();
    const author = authors.competitor(domain, entry.employer);
    const text = composer.until(
      [CAMPAIGN_OF[domain]],
      'en',
      () => style(fill(entry.text, rngText), rngText, { voice: 'pro', mood: 'yay', domain }),
      'competitor_staff',
    );
    add({ kind: 'competitor_staff', text, lang: 'en', author, domains: [domain] });
  }

  // 5. Word collisions.
  const offTopicDeck = new Deck(offTopicPosts, rngPlan);
  while (remaining.off_topic > 0) {
    const entry = offTopicDeck.draw();
    const probe = composer.campaignsOf(fill(entry.text, rngText), 'en');
    if (probe.length !== 1)
      throw new Error(`off-topic template must hit exactly one campaign: ${entry.text}`);
    const domain = DOMAIN_OF[probe[0]!];
    const author = authors.offTopic(entry.persona, domain);
    const text = composer.until(
      probe,
      'en',
      () => style(fill(entry.text, rngText), rngText, { voice: 'casual', mood: 'none' }),
      'off_topic',
    );
    add({ kind: 'off_topic', text, lang: 'en', author, domains: [domain] });
  }

  // 6. Spam bots: the same script posted several times by a few throwaway accounts.
  const spamDeck = new Deck(spamScripts, rngPlan);
  while (remaining.spam_duplicate > 0) {
    const script = spamDeck.draw();
    const bots = rngPlan.int(1, 3);
    for (let b = 0; b < bots && remaining.spam_duplicate > 0; b++) {
      const bot = authors.bot(script.domain);
      const n = Math.min(remaining.spam_duplicate, rngPlan.int(2, 4));
      for (let k = 0; k < n; k++) {
        const text = composer.until(
          [CAMPAIGN_OF[script.domain]],
          'en',
          () => fill(script.template, rngText),
          'spam',
        );
        add({ kind: 'spam_duplicate', text, lang: 'en', author: bot, domains: [script.domain] });
      }
    }
  }
}
