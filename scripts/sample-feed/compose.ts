/**
 * Turns (kind, domain, author) into tweet text: draws a hand-written template (without replacement, so
 * every template is used before any repeats), fills its slots with author-consistent values, styles it,
 * and checks it against the campaign queries until it matches exactly the intended campaigns.
 */
import { matchesQuery } from '../../local/fake-x/query-matcher.ts';
import { parseQuery, type QueryNode } from '../../local/fake-x/query-parser.ts';
import { advicePosts } from './advice-giving.ts';
import { crmAsks, crmContexts, crmStandalone } from './buying-signals-crm.ts';
import {
  observabilityAsks,
  observabilityContexts,
  observabilityStandalone,
} from './buying-signals-observability.ts';
import { warehouseAsks, warehouseContexts, warehouseStandalone } from './buying-signals-warehouse.ts';
import { FRAMES, LOWERABLE_FIRST_WORD } from './frames.ts';
import { happyCustomerPosts } from './happy-customers.ts';
import { howtoQuestions } from './howto-questions.ts';
import { jobPosts } from './job-posts.ts';
import { jobSeekerPosts } from './job-seekers.ts';
import { newsPosts } from './news.ts';
import type { Rng } from './rng.ts';
import { softSignals, softTails } from './soft-signals.ts';
import { fill, type Mood, style, type Voice } from './text-style.ts';
import type { Campaign, CampaignId, Domain, Kind, Lang, ReferencedTweet } from './types.ts';
import type { UserRecord } from './users.ts';
import { vendorPromos, vendorReplies } from './vendor-promos.ts';
import { SLOTS } from './vocabulary.ts';

export const MAX_LEN = 280;

/** Wraps a post in an optional opener/closer (see frames.ts). */
export function frame(kind: Kind, text: string, rng: Rng): string {
  const f = FRAMES[kind];
  if (!f) return text;
  let out = text;
  if (
    f.openers.length &&
    rng.chance(f.p) &&
    !/^[^.?!]{0,30}:\s/.test(out) &&
    !/^(Hot take|Thread|Reminder|PSA)/i.test(out)
  ) {
    const body = LOWERABLE_FIRST_WORD.test(out) ? out.charAt(0).toLowerCase() + out.slice(1) : out;
    out = rng.pick(f.openers) + body;
  }
  if (f.closers.length && rng.chance(f.p * 0.8)) {
    const closer = rng.pick(f.closers);
    out = /https:\/\/t\.co\/\w+$/.test(out)
      ? out.replace(/ (https:\/\/t\.co\/\w+)$/, `${closer} $1`)
      : out + closer;
  }
  return out;
}

/** Draws items without replacement; reshuffles when exhausted. */
export class Deck<T> {
  private queue: T[] = [];

  constructor(
    private readonly items: readonly T[],
    private readonly rng: Rng,
  ) {
    if (items.length === 0) throw new Error('empty deck');
  }

  draw(accept: (item: T) => boolean = () => true): T {
    for (let pass = 0; pass < 2; pass++) {
      const i = this.queue.findIndex(accept);
      if (i >= 0) return this.queue.splice(i, 1)[0]!;
      this.queue.push(...this.rng.shuffle(this.items));
    }
    throw new Error('no template in the deck fits this author');
  }
}

const BUYING: Record<
  Domain,
  { contexts: readonly string[]; asks: readonly string[]; standalone: readonly string[] }
> = {
  crm: { contexts: crmContexts, asks: crmAsks, standalone: crmStandalone },
  warehouse: { contexts: warehouseContexts, asks: warehouseAsks, standalone: warehouseStandalone },
  observability: {
    contexts: observabilityContexts,
    asks: observabilityAsks,
    standalone: observabilityStandalone,
  },
};

const SIMPLE: Partial<Record<Kind, Record<Domain, readonly string[]>>> = {
  soft_signal: softSignals,
  vendor_promo: vendorPromos,
  job_post: jobPosts,
  job_seeker: jobSeekerPosts,
  happy_customer: happyCustomerPosts,
  howto_question: howtoQuestions,
  advice_giving: advicePosts,
  news: newsPosts,
};

const VENDOR_SLOT: Record<Domain, string> = {
  crm: 'crmVendor',
  warehouse: 'whVendor',
  observability: 'obsVendor',
};

/** Which templates suit which author (a partner agency does not say "our CRM"; a recruiter says "my client"). */
function fits(kind: Kind, domain: Domain, template: string, author: UserRecord): boolean {
  if (kind === 'vendor_promo') {
    const hasVendor = template.includes(`{${VENDOR_SLOT[domain]}}`);
    if (author.persona === 'partner')
      return !hasVendor && !/^(New|Webinar|Black Friday|Case study)/.test(template);
    return hasVendor || !/partner|agency|consult/i.test(template);
  }
  if (kind === 'job_post') {
    const recruiterish = /my client|agency recruiter|recruiting for|^recruiting/i.test(template);
    const managerish = /my team|on my team/i.test(template);
    if (author.persona === 'recruiter') return !managerish;
    if (author.persona === 'buyer') return !recruiterish;
    return !recruiterish && !managerish;
  }
  return true;
}

export interface StyleHint {
  voice: Voice;
  mood: Mood;
}

export function styleFor(kind: Kind, author: UserRecord, rng: Rng): StyleHint {
  const casualOr = (p: number, mood: Mood): StyleHint => ({ voice: rng.chance(p) ? 'casual' : 'pro', mood });
  switch (kind) {
    case 'buying_signal':
      return casualOr(0.5, rng.chance(0.5) ? 'hmm' : 'pain');
    case 'soft_signal':
      return casualOr(0.8, 'pain');
    case 'vendor_promo':
      return { voice: author.persona === 'vendor_staff' ? 'pro' : 'brand', mood: 'point' };
    case 'job_post':
      return { voice: 'brand', mood: 'point' };
    case 'job_seeker':
      return casualOr(0.4, 'hmm');
    case 'happy_customer':
      return casualOr(0.6, 'yay');
    case 'howto_question':
      return casualOr(0.7, 'hmm');
    case 'advice_giving':
      return { voice: 'pro', mood: 'none' };
    case 'news':
      return { voice: 'media', mood: 'none' };
    case 'competitor_staff':
      return { voice: 'pro', mood: 'yay' };
    default:
      return casualOr(0.8, 'none');
  }
}

export function presetsFor(author: UserRecord, domain: Domain): Record<string, string> {
  const p: Record<string, string> = {};
  if (author.vendor) p[VENDOR_SLOT[domain]] = author.vendor;
  if (author.company && ['careers', 'buyer', 'seeker'].includes(author.persona))
    p.company = author.company.name;
  return p;
}

export class Composer {
  readonly parsed: readonly { id: CampaignId; node: QueryNode }[];
  private readonly decks = new Map<string, Deck<unknown>>();

  constructor(
    campaigns: readonly Campaign[],
    private readonly rng: Rng,
  ) {
    this.parsed = campaigns.map((c) => ({ id: c.id, node: parseQuery(c.query) }));
  }

  campaignsOf(text: string, lang: Lang, refs?: ReferencedTweet[]): CampaignId[] {
    const tweet = refs ? { text, lang, referenced_tweets: refs } : { text, lang };
    return this.parsed.filter((c) => matchesQuery(c.node, tweet)).map((c) => c.id);
  }

  /** A named deck that persists across calls, so templates rotate over the whole feed. */
  deckOf<T>(key: string, items: readonly T[]): Deck<T> {
    let d = this.decks.get(key) as Deck<T> | undefined;
    if (!d) {
      d = new Deck(items, this.rng);
      this.decks.set(key, d as Deck<unknown>);
    }
    return d;
  }

  /** Raw (unstyled) text for a single-domain English post. */
  private raw(kind: Kind, domain: Domain, author: UserRecord): string {
    const rng = this.rng;
    const presets = presetsFor(author, domain);
    if (kind === 'buying_signal') {
      const b = BUYING[domain];
      if (rng.chance(0.5)) return fill(this.deckOf(`bs:${domain}`, b.standalone).draw(), rng, presets);
      // Filled as one template so {crm} means the same product in the context and the ask.
      const ctx = this.deckOf(`bc:${domain}`, b.contexts).draw();
      const ask = this.deckOf(`ba:${domain}`, b.asks).draw();
      return fill(`${ctx} ${ask}`, rng, presets);
    }
    const pool = SIMPLE[kind]?.[domain];
    if (!pool) throw new Error(`no templates for ${kind}/${domain}`);
    const template = this.deckOf(`${kind}:${domain}`, pool).draw((t) => fits(kind, domain, t, author));
    let text = fill(template, rng, presets);
    if (kind === 'soft_signal') {
      const tail = rng.pick(softTails).trim();
      if (tail && !text.toLowerCase().includes(tail.replace(/\W+$/, '').toLowerCase())) {
        // Keep trailing hashtags last: "… all weekend. again. #RevOps".
        const tags = /(\s#\w+)+$/.exec(text)?.[0] ?? '';
        const body = text.slice(0, text.length - tags.length);
        const joined = /[.!?)]$/.test(body)
          ? `${body} ${tail}`
          : `${body}${rng.pick(['. ', ' — ', '\n\n', '... '])}${tail}`;
        text = joined + tags;
      }
    }
    return frame(kind, text, rng);
  }

  /** Single-domain English post that matches exactly its own campaign. */
  original(kind: Kind, domain: Domain, author: UserRecord, want: readonly CampaignId[]): string {
    return this.until(
      want,
      'en',
      () => {
        const hint = styleFor(kind, author, this.rng);
        return style(this.raw(kind, domain, author), this.rng, { ...hint, domain });
      },
      `${kind}/${domain}`,
    );
  }

  /** A vendor's reply under a post: "@buyer …", naming the incumbent the buyer mentioned, if any. */
  vendorReply(
    domain: Domain,
    author: UserRecord,
    parent: { text: string; username: string },
    want: readonly CampaignId[],
  ) {
    const presets = presetsFor(author, domain);
    for (const slot of ['crm', 'wh', 'obs']) {
      const named = SLOTS[slot]!.find(([v]) => parent.text.toLowerCase().includes(v.toLowerCase()));
      if (named) presets[slot] = named[0];
    }
    return this.until(
      want,
      'en',
      () => {
        const body = fill(
          this.deckOf(`reply:vendor:${domain}`, vendorReplies[domain]).draw(),
          this.rng,
          presets,
        );
        return `@${parent.username} ${style(body, this.rng, { voice: 'pro', mood: 'none' })}`;
      },
      `vendor reply/${domain}`,
    );
  }

  /** Generic retry loop: produce text until its campaign set equals `want` and it fits in a tweet. */
  until(want: readonly CampaignId[], lang: Lang, make: () => string, what: string, tries = 60): string {
    let last = '';
    for (let i = 0; i < tries; i++) {
      const text = make();
      last = text;
      if (text.length > MAX_LEN) continue;
      const got = this.campaignsOf(text, lang);
      if (got.length === want.length && want.every((w) => got.includes(w))) return text;
    }
    throw new Error(`could not compose ${what} matching [${want.join(', ')}]; last attempt: ${last}`);
  }
}
