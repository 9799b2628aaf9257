import { breakdownInWords, type ScoringPost, scoringPost } from '../domain/review-card.ts';
import type { Lead, LeadStore, Page } from '../ports/lead-store.ts';

export type ReviewCard = Lead & { scoringPost?: ScoringPost; why: string[] };

/**
 * A page of leads as review cards: each with the post that scored and the breakdown in words.
 * Additive: every field of the lead stays as it was. Reads each lead's signals (one query per
 * lead, in parallel; a page is at most 100 leads).
 */
export async function reviewCards(deps: { leads: LeadStore }, page: Page<Lead>): Promise<Page<ReviewCard>> {
  const items = await Promise.all(
    page.items.map(async (lead) => {
      const post = scoringPost(lead.breakdown, await deps.leads.listSignals(lead.key));
      return { ...lead, ...(post ? { scoringPost: post } : {}), why: lead.breakdown.map(breakdownInWords) };
    }),
  );
  return { ...page, items };
}
