import type { EngagementTask } from '../domain/engagement-task.ts';

/** Performs one approved action on the network (or, in dry-run, says what it would do). */
export interface EngagementClient {
  readonly mode: 'dry-run' | 'live';
  /** Sends the task's approved text; returns the new post's id (live) and a line for the task. */
  execute(task: EngagementTask): Promise<{ postId?: string; summary: string }>;
  /**
   * Our reply to the task's post, if X already has one (the account's recent posts since
   * `since`): how a redelivery after a crash finds out that the post went out.
   */
  findReply(task: EngagementTask, since: Date): Promise<string | undefined>;
}

/** X said "not now": wait until `resetAt`, then try again. Not a failure. */
export class EngagementRateLimitedError extends Error {
  constructor(readonly resetAt: Date) {
    super(`X rate limit reached until ${resetAt.toISOString()}`);
    this.name = 'EngagementRateLimitedError';
  }
}

/**
 * X refused the post for good (duplicate content, post deleted, replies restricted, account
 * suspended, text too long): the task ends `failed` with X's reason, and is not retried.
 */
export class EngagementRefusedError extends Error {
  constructor(
    readonly reason:
      | 'duplicate-content'
      | 'post-gone'
      | 'reply-not-allowed'
      | 'suspended'
      | 'invalid'
      | 'blocked',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'EngagementRefusedError';
  }
}
