import type { LeadState } from '../domain/lead-state.ts';
import type { Source } from '../domain/post.ts';
import type { Page } from './lead-store.ts';

/**
 * What must follow a scoring transition into review or MQL (a draft, a notice to sales), written
 * in the same transaction as the score. A crash after scoring therefore never loses it: the next
 * cycle finds it here and does it, at least once; the effects are idempotent.
 */
export interface FollowUpData {
  at: string;
  from: LeadState;
  to: LeadState;
  score: number;
  source: Source;
  name: string;
  /** The latest post, the one a reply is drafted to. */
  latest?: { postId: string; campaignId?: string };
}

export interface FollowUp extends FollowUpData {
  key: string;
  /** The lead revision the score produced: with `key`, the follow-up's identity and dedupe key. */
  revision: number;
  /** Times its notice failed to send; the follow-up is given up after a few. */
  attempts: number;
}

export interface Outbox {
  /** Follow-ups not done yet, oldest first. */
  listFollowUps(limit: number, cursor?: string): Promise<Page<FollowUp>>;
  /** True once the MQL notice of this transition went out. */
  noticeSent(key: string, revision: number): Promise<boolean>;
  /** Records the notice as sent; false if it already was (written conditionally). */
  markNoticeSent(key: string, revision: number, now: Date): Promise<boolean>;
  /** Counts a failed notice attempt; returns the attempts so far. */
  recordAttempt(key: string, revision: number): Promise<number>;
  /** Removes a follow-up whose effects are all done (or given up). */
  complete(key: string, revision: number): Promise<void>;
}
