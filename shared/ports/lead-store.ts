import type { CrmLead } from '../domain/crm-row.ts';
import type { Engagement } from '../domain/engagement.ts';
import type { Cohort, Deal, FunnelChange, FunnelStage } from '../domain/funnel.ts';
import type { LeadEvent, LeadState } from '../domain/lead-state.ts';
import type { FitGrade } from '../domain/mql-definition.ts';
import type { FeedbackRecord, WonRecord } from '../domain/sales-records.ts';
import type { BreakdownEntry } from '../domain/scoring.ts';
import type { Signal } from '../domain/signal.ts';
import type { FollowUpData } from './outbox.ts';

/** A prospect together with where it stands as a lead (what the CRM sees, plus what we keep). */
export interface Lead extends CrmLead {
  /** What the prospect did towards us (replied, followed back, mentioned us). */
  engagement: Engagement[];
  /** They asked not to be contacted: disqualified whatever the definition says. */
  optedOut: boolean;
  firstSeenAt: string;
  /** Optimistic-concurrency counter: every write checks it. */
  revision: number;
  /** The funnel groups it counts in, fixed at its first score. */
  cohort?: Cohort;
  /** Funnel stages it ever reached, and when: what the next transition newly adds. */
  reached: FunnelStage[];
  stageAt: Partial<Record<FunnelStage, string>>;
  /** Rejected as "not ready": stays in nurture until then, whatever it scores. */
  holdUntil?: string;
  /** The deal it was won with. */
  deal?: Deal;
}

/**
 * Everything one person's decision writes, together: the lead's new state, its events, the
 * funnel counters, the feedback record and a won customer's record. One conditional transaction,
 * so a retried or raced decision can never count twice.
 */
export interface TransitionWrite {
  to: LeadState;
  events: LeadEvent[];
  funnel?: FunnelChange;
  holdUntil?: string;
  deal?: Deal;
  feedback?: FeedbackRecord;
  won?: WonRecord;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
  /** Stored items on this page that were malformed: logged by key, passed over, counted here. */
  skipped?: number;
}

export interface ScoreUpdate {
  score: number;
  breakdown: BreakdownEntry[];
  definitionVersion: number;
  /** Kept beside the score; absent (and removed) when the definition has no grade bands. */
  fitGrade?: FitGrade;
  state: LeadState;
  event?: LeadEvent;
  /** Set when the score moves the lead into funnel stages it had not reached (or is its first). */
  funnel?: FunnelChange;
  /** What must follow this transition; stored in the same transaction as the score (the outbox). */
  followUp?: FollowUpData;
}

/** Narrows a state's list (the review queue's filters); every field optional, all must hold. */
export interface LeadFilter {
  campaign?: string;
  source?: string;
  /** Inclusive score bounds: they narrow the score index itself, so pages stay cheap. */
  minScore?: number;
  maxScore?: number;
  /** Highest score first (default), or latest evidence first: the lead whose newest post came last. */
  order?: 'score' | 'newest';
}

export interface LeadStore {
  getLead(key: string): Promise<Lead | undefined>;
  /** The lead's live signals at `now` (default: the current time); expired ones are not evidence. */
  listSignals(key: string, now?: Date): Promise<Signal[]>;
  /**
   * Named signals of many leads at once (live ones only), grouped by lead key: the review queue
   * reads each card's scoring post in one round trip per 100 posts, not one query per lead.
   */
  getSignals(refs: readonly { key: string; postId: string }[], now?: Date): Promise<Map<string, Signal[]>>;
  listEvents(key: string): Promise<LeadEvent[]>;
  /**
   * Keys of prospects with evidence not yet scored (a sparse index, so a crash never strands one),
   * a page at a time, oldest evidence first.
   */
  listPending(limit: number, cursor?: string): Promise<Page<string>>;
  /** Writes a score if the lead is still at `revision`; false when someone else moved it. */
  saveScore(key: string, revision: number, update: ScoreUpdate, now: Date): Promise<boolean>;
  /** Applies a person's decision if the lead is still at `revision`; false when it moved meanwhile. */
  applyTransition(key: string, revision: number, write: TransitionWrite, now: Date): Promise<boolean>;
  /**
   * Leads in one state, highest score first. With `filter`, a page holds the matches among the
   * `limit` index entries read, so it may be short (even empty) while `nextCursor` is set.
   */
  listByState(state: LeadState, limit: number, cursor?: string, filter?: LeadFilter): Promise<Page<Lead>>;
  /** How many leads are in each state (every state present, 0 when none): the queue's counters. */
  countByState(): Promise<Record<LeadState, number>>;
  /** Leads changed at or after `since` (ISO), oldest first: the CRM export's watermark walk. */
  listChangedSince(since: string, until: string, limit: number, cursor?: string): Promise<Page<Lead>>;
  countLeads(): Promise<Record<string, number>>;
  /** Adds an engagement and marks the lead for re-scoring; false if there is no such lead. */
  recordEngagement(key: string, engagement: Engagement, now: Date): Promise<boolean>;
  /** Records an opt-out (or its withdrawal) and marks the lead for re-scoring. */
  setOptOut(key: string, optedOut: boolean, now: Date): Promise<boolean>;
}

export class ConcurrentUpdateError extends Error {
  constructor(key: string) {
    super(`lead ${key} changed while it was being updated`);
    this.name = 'ConcurrentUpdateError';
  }
}
