import type { Signal } from '../domain/signal.ts';
import type { Page } from './lead-store.ts';

export type StoredIntent = NonNullable<Signal['intent']>;

/** A live signal whose stored probability was not computed by the serving model version. */
export interface SignalToClassify {
  /** The prospect (lead) key. */
  key: string;
  postId: string;
  text: string;
  /** What is stored now; absent on signals stored before probabilities were kept. */
  intent?: StoredIntent;
}

/**
 * A promoted model version re-classifies every signal still inside the retention window, in bounded
 * steps across many invocations (like definition re-scoring); the job remembers the model it
 * serves and where the walk reached.
 */
export interface IntentRescoreJob {
  model: string;
  cursor?: string;
  /** Signals walked (classified by another version or not) and those re-classified so far. */
  scanned: number;
  reclassified: number;
  startedAt: string;
  /** Set when the walk reached the end: nothing more to do until another version serves. */
  finishedAt?: string;
}

export interface SignalIntentStore {
  /**
   * Live signals (not past their `ttl` at `now`) not classified by `model`, walking at most `limit`
   * stored items per page: a page may hold fewer (even none) while `nextCursor` is set.
   */
  listSignalsNotClassifiedBy(
    model: string,
    limit: number,
    now: Date,
    cursor?: string,
  ): Promise<Page<SignalToClassify>>;
  /**
   * Stores `intent` on the signal if it still holds `previous` (absent: no probability), and marks
   * its lead pending so the next qualify pass re-scores it. False when the signal changed, expired
   * or its person was erased meanwhile: nothing is written.
   */
  setSignalIntent(
    key: string,
    postId: string,
    intent: StoredIntent,
    previous: StoredIntent | undefined,
    now: Date,
  ): Promise<boolean>;
  getIntentRescoreJob(): Promise<IntentRescoreJob | undefined>;
  /** Saves progress (a finished job is kept: it says which version the stored probabilities are). */
  saveIntentRescoreJob(job: IntentRescoreJob): Promise<void>;
}
