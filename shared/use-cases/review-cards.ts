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
}

/**
 * A page of leads as review cards: each with the post that scored, the words the rules matched and
 * the words the intent model leaned on, and the breakdown in words. Additive: every field of the
 * lead stays as it was. Reads each lead's signals (one query per lead, in parallel; a page is at
 * most 100 leads).
 */
export async function reviewCards(deps: ReviewCardDeps, page: Page<Lead>): Promise<Page<ReviewCard>> {
  const items = await Promise.all(
    page.items.map(async (lead) => {
      const post = scoringPost(lead.breakdown, await deps.leads.listSignals(lead.key));
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
