import type { TaskMessage } from '../domain/engagement-task.ts';

/** Approved engagement work on its way to the worker. Delivery is at least once. */
export interface TaskQueue {
  /**
   * Queues messages; `delaySeconds` (0-900, per message) spaces replies out with jitter in SQS
   * itself, so no Lambda sleeps towards its timeout.
   */
  send(messages: readonly TaskMessage[], delaySeconds?: (message: TaskMessage) => number): Promise<void>;
  /** Keeps a received message invisible for `seconds` more (a rate limit's reset): not a failure. */
  deferMessage(receiptHandle: string, seconds: number): Promise<void>;
}

/** SQS's largest per-message delay. */
export const MAX_DELAY_SECONDS = 900;
/** SQS's largest visibility timeout (12 hours). */
export const MAX_VISIBILITY_SECONDS = 43_200;
