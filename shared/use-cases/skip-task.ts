import type { Clock } from '../ports/clock.ts';
import type { TaskStore } from '../ports/task-store.ts';
import { TaskNotFoundError, TaskStateError } from './approve-task.ts';

/**
 * A person decides a drafted task should not happen: it ends as `skipped`, nothing is queued or
 * sent, and who skipped it is kept in its result. Only a drafted task can be skipped (an approved
 * one may already be on its way to X).
 */
export async function skipTask(
  deps: { tasks: TaskStore; clock: Clock },
  input: { prospectKey: string; taskId: string; by: string },
): Promise<void> {
  const ref = { id: input.taskId, prospectKey: input.prospectKey };
  const skipped = await deps.tasks.transitionTask(ref, 'drafted', 'skipped', {
    result: `skipped by ${input.by}`,
    executedAt: deps.clock.now().toISOString(),
  });
  if (skipped) return;
  const task = await deps.tasks.getTask(input.prospectKey, input.taskId);
  if (!task) throw new TaskNotFoundError(input.taskId);
  throw new TaskStateError(input.taskId, task.status, 'drafted');
}
