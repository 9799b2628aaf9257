import type { TaskMessage } from '../domain/engagement-task.ts';
import type { Clock } from '../ports/clock.ts';
import type { EngagementClient } from '../ports/engagement-client.ts';
import type { Log } from '../ports/log.ts';
import type { TaskStore } from '../ports/task-store.ts';

export interface ExecuteDeps {
  tasks: TaskStore;
  client: EngagementClient;
  clock: Clock;
  log: Log;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export interface ExecuteOptions {
  account: string;
  dailyCap: number;
  maxJitterMs: number;
}

export type ExecuteOutcome = 'done' | 'failed' | 'duplicate' | 'not-approved' | 'missing';

/** The account's daily cap is spent; the message goes back to the queue for a later try. */
export class DailyCapReachedError extends Error {
  constructor(account: string, cap: number) {
    super(`daily engagement cap of ${cap} reached for ${account}`);
    this.name = 'DailyCapReachedError';
  }
}

/**
 * Executes one approved task at most once. The claim (approved -> executing) is a conditional
 * write, so a second delivery of the same message finds the task claimed and does nothing.
 * A crash after the claim leaves the task `executing` for a person to check: on a social network
 * a missed reply is better than a duplicated one.
 */
export async function executeEngagement(
  deps: ExecuteDeps,
  message: TaskMessage,
  options: ExecuteOptions,
): Promise<ExecuteOutcome> {
  const task = await deps.tasks.getTask(message.prospectKey, message.taskId);
  if (!task) return 'missing';
  if (task.status === 'drafted') return 'not-approved';
  if (task.status !== 'approved') return 'duplicate';
  if (!(await deps.tasks.transitionTask(task, 'approved', 'executing', {}))) return 'duplicate';

  const day = deps.clock.now().toISOString().slice(0, 10);
  if (!(await deps.tasks.takeDailySlot(options.account, day, options.dailyCap))) {
    await deps.tasks.transitionTask(task, 'executing', 'approved', {});
    throw new DailyCapReachedError(options.account, options.dailyCap);
  }
  if (deps.client.mode === 'live' && options.maxJitterMs > 0)
    await deps.sleep(Math.floor(deps.random() * options.maxJitterMs));
  try {
    const result = await deps.client.execute(task);
    await deps.tasks.transitionTask(task, 'executing', 'done', {
      executedAt: deps.clock.now().toISOString(),
      result,
    });
    deps.log.info('task executed', { taskId: task.id, kind: task.kind, mode: deps.client.mode });
    return 'done';
  } catch (error) {
    await deps.tasks.transitionTask(task, 'executing', 'failed', { result: (error as Error).message });
    deps.log.error('task failed', { taskId: task.id, error: (error as Error).message });
    return 'failed';
  }
}
