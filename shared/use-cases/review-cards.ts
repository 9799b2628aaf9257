import { type ModelFeature, modelCues } from '../domain/model-cues.ts';
import { breakdownInWords, type ScoringPost, scoringPost } from '../domain/review-card.ts';
import type { Lead, LeadStore, Page } from '../ports/lead-store.ts';

export type ReviewCard = Lead & { scoringPost?: ScoringPost; why: string[] };

export interface ReviewCardDeps {
  leads: LeadStore;
  /**
   * Loads the intent model's explainer (lazily: only a card whose post earned model points asks).
   * Absent, cards mark the matched phrases only.
   */
  explainIntent?: () => Promise<(text: string) => ModelFeature[]>;
  clock?: { now(): Date };
}

/**
 * A page of leads as review cards: each with the post that scored, the words the rules matched and
 * the words the intent model leaned on, and the breakdown in words. Additive: every field of the
 * lead stays as it was.
 *
 * The posts a breakdown names are read in one batch for the whole page (the scoring post is always
 * one of them while it is live); only a lead whose breakdown names no live post costs a query of
 * its own, for its newest post. A queue page is then two round trips, not one per lead.
 */
export async function reviewCards(deps: ReviewCardDeps, page: Page<Lead>): Promise<Page<ReviewCard>> {
  const now = deps.clock?.now() ?? new Date();
  const named = page.items.flatMap((lead) =>
    [...new Set(lead.breakdown.flatMap((b) => (b.postId ? [b.postId] : [])))].map((postId) => ({
      key: lead.key,
      postId,
    })),
  );
  const batch = named.length ? await deps.leads.getSignals(named, now) : new Map();
  const items = await Promise.all(
    page.items.map(async (lead) => {
      const signals = batch.get(lead.key) ?? (await deps.leads.listSignals(lead.key, now));
      const post = scoringPost(lead.breakdown, signals);
      if (post && deps.explainIntent && earnedModelPoints(lead, post.postId)) {
        const explain = await deps.explainIntent();
        const cues = modelCues(post.text, explain(post.text));
        if (cues.length) post.modelCues = cues;
      }
      return { ...lead, ...(post ? { scoringPost: post } : {}), why: lead.breakdown.map(breakdownInWords) };
    }),
  );
  return { ...page, items };
}

const earnedModelPoints = (lead: Lead, postId: string) =>
  lead.breakdown.some((b) => b.kind === 'intent.model' && b.postId === postId && b.points > 0);
