import type { EngagementTask } from '../domain/engagement-task.ts';
import type { Clock } from '../ports/clock.ts';
import type { TaskQueue } from '../ports/task-queue.ts';
import type { TaskStore } from '../ports/task-store.ts';

export interface ApproveDeps {
  tasks: TaskStore;
  queue: TaskQueue;
  clock: Clock;
}

export class TaskNotFoundError extends Error {
  constructor(id: string) {
    super(`task ${id} not found`);
    this.name = 'TaskNotFoundError';
  }
}

export class TaskStateError extends Error {
  constructor(id: string, status: string, wanted: string) {
    super(`task ${id} is ${status}; only ${wanted} tasks can be changed this way`);
    this.name = 'TaskStateError';
  }
}

/**
 * A person approves a drafted task; only then does it go to the queue. Approving an already
 * approved task sends it again, which is safe: the worker executes a task once.
 */
export async function approveTask(
  deps: ApproveDeps,
  input: { prospectKey: string; taskId: string; approver: string },
) {
  const ref = { id: input.taskId, prospectKey: input.prospectKey };
  const moved = await deps.tasks.transitionTask(ref, 'drafted', 'approved', {
    approvedBy: input.approver,
    approvedAt: deps.clock.now().toISOString(),
  });
  if (!moved) {
    const task = await deps.tasks.getTask(input.prospectKey, input.taskId);
    if (!task) throw new TaskNotFoundError(input.taskId);
    if (task.status !== 'approved') throw new TaskStateError(input.taskId, task.status, 'drafted');
  }
  await deps.queue.send([{ taskId: input.taskId, prospectKey: input.prospectKey }]);
}

/**
 * Re-sends approved tasks the worker has not done: those a crash kept from the queue (approved
 * more than `olderThanMs` ago) and those the daily cap deferred, once their day has come.
 */
export async function requeueApprovedTasks(deps: ApproveDeps, olderThanMs: number): Promise<number> {
  const now = deps.clock.now().getTime();
  const cutoff = now - olderThanMs;
  const due = (t: EngagementTask) =>
    t.notBefore
      ? Date.parse(t.notBefore) <= now
      : t.approvedAt !== undefined && Date.parse(t.approvedAt) <= cutoff;
  let cursor: string | undefined;
  let sent = 0;
  do {
    const page = await deps.tasks.listTasks('approved', 100, cursor);
    const stale = page.items.filter(due);
    await deps.queue.send(stale.map((t) => ({ taskId: t.id, prospectKey: t.prospectKey })));
    sent += stale.length;
    cursor = page.nextCursor;
  } while (cursor);
  return sent;
}
