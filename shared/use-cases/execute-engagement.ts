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

export type ExecuteOutcome = 'done' | 'failed' | 'deferred' | 'duplicate' | 'not-approved' | 'missing';

/** Midnight UTC after `now`: when a capped account may engage again. */
function nextDay(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
}

/**
 * Executes one approved task at most once. The claim (approved -> executing) is a conditional
 * write, so a second delivery of the same message finds the task claimed and does nothing.
 * A crash after the claim leaves the task `executing` for a person to check: on a social network
 * a missed reply is better than a duplicated one. Past the account's daily cap a task is deferred
 * to the next day, not failed.
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

  const now = deps.clock.now();
  if (!(await deps.tasks.takeDailySlot(options.account, now.toISOString().slice(0, 10), options.dailyCap))) {
    // Not an error: the task stays approved and the discovery cycle re-sends it tomorrow, so
    // capped work never piles up in the dead-letter queue.
    await deps.tasks.transitionTask(task, 'executing', 'approved', { notBefore: nextDay(now) });
    deps.log.info('task deferred by the daily cap', {
      taskId: task.id,
      account: options.account,
      cap: options.dailyCap,
    });
    return 'deferred';
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
