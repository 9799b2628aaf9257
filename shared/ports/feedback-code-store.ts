import type { FeedbackCodes, FeedbackCodesDraft } from '../domain/feedback-codes.ts';

/** Reason and objection codes: versioned data like the MQL definition, edited by an admin. */
export interface FeedbackCodeStore {
  currentCodes(): Promise<FeedbackCodes | undefined>;
  listCodes(): Promise<FeedbackCodes[]>;
  /** Fails with ConcurrentPublishError when someone published since `basedOn`. */
  publishCodes(
    request: { draft: FeedbackCodesDraft; author: string; note: string; basedOn: number | undefined },
    now: Date,
  ): Promise<FeedbackCodes>;
}
