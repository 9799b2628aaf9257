/** When things are posted, and how much engagement they get. */
import type { Rng } from './rng.ts';
import type { Kind } from './types.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Relative posting activity by UTC hour (Europe + Americas working hours overlap in the afternoon). */
const HOURLY = [
  0.5, 0.35, 0.25, 0.2, 0.2, 0.3, 0.5, 0.8, 1.0, 1.1, 1.1, 1.1, 1.2, 1.4, 1.6, 1.7, 1.7, 1.6, 1.4, 1.2, 1.0,
  0.9, 0.8, 0.65,
];

export class Timeline {
  readonly start: number;

  constructor(
    readonly anchor: number,
    private readonly rng: Rng,
    days = 6,
  ) {
    this.start = anchor - days * DAY;
  }

  /** A root post time inside the window, shaped by time of day and weekends (bots post around the clock). */
  root(flat = false): number {
    const latest = this.anchor - 20 * 60_000;
    for (;;) {
      const t = this.start + Math.floor(this.rng.next() * (latest - this.start));
      if (flat) return t;
      const d = new Date(t);
      const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
      const w = HOURLY[d.getUTCHours()]! * (weekend ? 0.45 : 1);
      if (this.rng.next() * 1.7 < w) return t;
    }
  }

  /** A time after `parent` (a reply, quote or retweet), never after the anchor. */
  after(parent: number): number {
    const room = this.anchor - 60_000 - parent;
    const wanted = this.rng.logInt(90_000, 30 * HOUR);
    const delay = Math.min(wanted, Math.floor(room * (0.2 + this.rng.next() * 0.7)));
    return parent + Math.max(1_000, delay);
  }

  /** A time before the window, for retweeted originals that are not in the feed. */
  beforeWindow(): number {
    return this.start - this.rng.int(6 * HOUR, 24 * DAY);
  }
}

const LIKE_RATE: Record<Kind, [number, number]> = {
  buying_signal: [0.01, 0.03],
  soft_signal: [0.01, 0.045],
  vendor_promo: [0.002, 0.01],
  job_post: [0.003, 0.015],
  job_seeker: [0.01, 0.05],
  happy_customer: [0.01, 0.03],
  howto_question: [0.005, 0.02],
  advice_giving: [0.01, 0.04],
  news: [0.003, 0.015],
  competitor_staff: [0.005, 0.02],
  spam_duplicate: [0, 0.004],
  retweet: [0, 0],
  off_topic: [0.01, 0.04],
};

export interface Metrics {
  retweet_count: number;
  reply_count: number;
  like_count: number;
  quote_count: number;
  impression_count: number;
}

export function engagement(
  kind: Kind,
  followers: number,
  isReply: boolean,
  brand: boolean,
  rng: Rng,
): Metrics {
  const between = (lo: number, hi: number) => lo + rng.next() * (hi - lo);
  const reach = brand ? between(0.01, 0.08) : between(0.02, 0.25);
  let impressions = Math.round(followers * reach + between(8, 260));
  if (kind === 'spam_duplicate') impressions = rng.int(1, 35);
  if (isReply) impressions = Math.round(impressions * between(0.15, 0.5));
  const [lo, hi] = LIKE_RATE[kind];
  const likes = Math.round(impressions * between(lo, hi));
  const rtRate = kind === 'job_seeker' || kind === 'job_post' ? between(0.1, 0.5) : between(0.02, 0.25);
  const retweets = Math.round(likes * rtRate);
  const replyRate =
    kind === 'buying_signal' || kind === 'howto_question' ? between(0.3, 1.2) : between(0.03, 0.4);
  return {
    retweet_count: retweets,
    reply_count: Math.round(likes * replyRate),
    like_count: likes,
    quote_count: Math.round(retweets * between(0, 0.2)),
    impression_count: impressions,
  };
}
