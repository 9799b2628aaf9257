import type { ApproveDeps } from '../../shared/use-cases/approve-task.ts';
import { approveTask } from '../../shared/use-cases/approve-task.ts';

/**
 * The local dry-run demo approves every drafted task so the engage worker has work to show.
 * Each approval is recorded with this approver name; on AWS a person approves in the review UI.
 */
export async function approveAllDrafts(deps: ApproveDeps, approver: string): Promise<number> {
  const seen = new Set<string>();
  for (;;) {
    // The status index is eventually consistent: a task approved a moment ago may still be listed.
    const page = await deps.tasks.listTasks('drafted', 100);
    const fresh = page.items.filter((t) => !seen.has(t.id));
    if (fresh.length === 0) return seen.size;
    for (const t of fresh) {
      seen.add(t.id);
      await approveTask(deps, { prospectKey: t.prospectKey, taskId: t.id, approver });
    }
  }
}

/** How many tasks are in a status (the local summary counts executions as done tasks gained). */
export async function countTasks(
  deps: Pick<ApproveDeps, 'tasks'>,
  status: 'done' | 'drafted' | 'approved',
): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.tasks.listTasks(status, 100, cursor);
    n += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}
