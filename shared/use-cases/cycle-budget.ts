/**
 * The cycle's time budget, phase by phase. A Lambda is killed at its timeout wherever it is, so
 * each phase (discover, qualify, re-score, follow-ups, requeue) takes a share of the time still
 * left above a reserve when it starts, and stops between bounded steps once its share is used.
 * What a phase leaves undone stays in DynamoDB (cursors, the pending index, the re-score job, the
 * outbox) and the next cycle resumes it. Everything is measured with `remainingMs` (the Lambda
 * context's getRemainingTimeInMillis, or the local runner's equivalent), never a wall clock.
 */
export interface CycleBudget {
  /** Milliseconds before the invocation is killed. */
  remainingMs: () => number;
  /** Kept free at the end for returning, logging and the last in-flight step. */
  reserveMs: number;
}

export interface PhaseBudget {
  /** Milliseconds this phase may still use (never negative). */
  remainingMs: () => number;
  /** True once the phase has used its share: stop before the next step. */
  outOfTime: () => boolean;
}

/** The shares of what is left when each phase starts; the last phase may use all that is left. */
export const PHASE_SHARES = {
  discover: 0.5,
  qualify: 0.5,
  rescore: 0.4,
  /** Re-classifying stored posts after a new model version (the encoder is the slow part). */
  intent: 0.3,
  decay: 0.3,
  followUps: 0.7,
  requeue: 1,
} as const;

export type Phase = keyof typeof PHASE_SHARES;

/** Starts a phase now: it may use `share` of the time left above the reserve. */
export function startPhase(budget: CycleBudget, share: number): PhaseBudget {
  const above = Math.max(0, budget.remainingMs() - budget.reserveMs);
  const stopAt = budget.reserveMs + (1 - share) * above;
  const remainingMs = () => Math.max(0, budget.remainingMs() - stopAt);
  return { remainingMs, outOfTime: () => remainingMs() <= 0 };
}
