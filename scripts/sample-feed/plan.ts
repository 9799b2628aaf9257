/** How many posts of each kind, and how they split into cross-campaign, non-English, reply and plain posts. */
import { KINDS, type Kind } from './types.ts';

export const SEED = 20261120;
export const ANCHOR = '2026-11-20T12:00:00.000Z';
export const TOTAL_TWEETS = 1720;

export const KIND_SHARES: Record<Kind, number> = {
  buying_signal: 0.14,
  soft_signal: 0.1,
  vendor_promo: 0.12,
  job_post: 0.08,
  job_seeker: 0.06,
  happy_customer: 0.08,
  howto_question: 0.08,
  advice_giving: 0.06,
  news: 0.08,
  competitor_staff: 0.04,
  spam_duplicate: 0.04,
  retweet: 0.08,
  off_topic: 0.04,
};

/** Posts that match two campaigns, by kind (retweets of these add a few more). */
export const CROSS_COUNTS: Partial<Record<Kind, number>> = {
  buying_signal: 24,
  soft_signal: 13,
  howto_question: 15,
  vendor_promo: 13,
  job_post: 7,
  advice_giving: 9,
  news: 9,
  happy_customer: 7,
};

/** Extra non-English posts on top of one post per non-English template. */
export const EXTRA_FOREIGN = 8;

/** Posts written as replies under other posts (counted inside their kind). */
export const REPLIES = { vendorUnderBuying: 36, competitorUnderBuying: 9, adviceUnderHowto: 30 };

/** Posts that quote another post from the feed. */
export const QUOTES = 36;

/** Share of retweets whose original is in the feed (the rest point at older tweets). */
export const RETWEETS_IN_FEED = 0.85;

/** Largest-remainder rounding of the shares to exactly `total`. */
export function kindCounts(total: number): Record<Kind, number> {
  const raw = KINDS.map((k) => [k, KIND_SHARES[k] * total] as const);
  const counts = Object.fromEntries(raw.map(([k, v]) => [k, Math.floor(v)])) as Record<Kind, number>;
  let left = total - Object.values(counts).reduce((a, b) => a + b, 0);
  const byRemainder = [...raw].sort((a, b) => b[1] - Math.floor(b[1]) - (a[1] - Math.floor(a[1])));
  for (const [k] of byRemainder) {
    if (left <= 0) break;
    counts[k]++;
    left--;
  }
  return counts;
}
