import type { Engagement } from '../domain/engagement.ts';
import type { Clock } from '../ports/clock.ts';
import type { LeadStore } from '../ports/lead-store.ts';
import type { TaskStore } from '../ports/task-store.ts';
import { LeadNotFoundError } from './review-prospect.ts';

/** Records that a prospect engaged with us (replied, followed back, mentioned us); the next cycle re-scores them. */
export async function recordEngagement(
  deps: { leads: LeadStore; clock: Clock },
  key: string,
  engagement: Omit<Engagement, 'at'> & { at?: string },
) {
  const at = engagement.at ?? deps.clock.now().toISOString();
  if (!(await deps.leads.recordEngagement(key, { ...engagement, at }, deps.clock.now())))
    throw new LeadNotFoundError(key);
}

/**
 * A person asked not to be contacted: mark them, cancel every engagement task not yet done, and
 * let the next cycle disqualify them. Withdrawing the opt-out re-scores them normally.
 */
export async function setOptOut(
  deps: { leads: LeadStore; tasks: TaskStore; clock: Clock },
  key: string,
  optedOut: boolean,
): Promise<{ tasksCancelled: number }> {
  const now = deps.clock.now();
  if (!(await deps.leads.setOptOut(key, optedOut, now))) throw new LeadNotFoundError(key);
  if (!optedOut) return { tasksCancelled: 0 };
  let tasksCancelled = 0;
  for (const task of await deps.tasks.listProspectTasks(key)) {
    if (task.status !== 'drafted' && task.status !== 'approved') continue;
    if (await deps.tasks.transitionTask(task, task.status, 'skipped', { result: 'prospect opted out' }))
      tasksCancelled++;
  }
  return { tasksCancelled };
}
