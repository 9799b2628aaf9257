import type { TaskMessage } from '../domain/engagement-task.ts';

/** Approved engagement work on its way to the worker. Delivery is at least once. */
export interface TaskQueue {
  send(messages: readonly TaskMessage[]): Promise<void>;
}
