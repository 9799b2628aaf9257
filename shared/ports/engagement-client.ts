import type { EngagementTask } from '../domain/engagement-task.ts';

/** Performs one approved action on the network (or, in dry-run, says what it would do). */
export interface EngagementClient {
  readonly mode: 'dry-run' | 'live';
  execute(task: EngagementTask): Promise<string>;
}
