import type { PostLabel } from '../domain/post-label.ts';
import type { Page } from './lead-store.ts';

/**
 * Post-level feedback from people: the training data a new intent model learns from. One label
 * per lead and post; a later label on the same post replaces the earlier one (the latest person's
 * judgement, with their name and time).
 */
export interface LabelStore {
  /**
   * Stores the label if the post is still one of the lead's live signals; false otherwise (expired,
   * erased, or never theirs), and nothing is written.
   */
  putLabel(label: PostLabel, now: Date): Promise<boolean>;
  /** Every live label, newest first, a page at a time (training reads them all). */
  listLabels(limit: number, cursor?: string, now?: Date): Promise<Page<PostLabel>>;
  /** One lead's labels (its detail view). */
  listLeadLabels(key: string, now?: Date): Promise<PostLabel[]>;
}

/** Every live label, following the pages (bounded by `max`). */
export async function allLabels(store: LabelStore, max = 100_000, now?: Date): Promise<PostLabel[]> {
  const out: PostLabel[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listLabels(Math.min(1_000, max - out.length), cursor, now);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out;
}
