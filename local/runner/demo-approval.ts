import type { EngagementTask } from '../../shared/domain/engagement-task.ts';
import type { LeadStore } from '../../shared/ports/lead-store.ts';
import type { ApproveDeps } from '../../shared/use-cases/approve-task.ts';
import { approveTask } from '../../shared/use-cases/approve-task.ts';

/**
 * The local dry-run demo approves the drafted tasks of MQLs so the engage worker has work to
 * show; drafts for review prospects wait for a marketer, as they would on AWS. Each approval is
 * recorded with this approver name.
 */
export async function approveMqlDrafts(
  deps: ApproveDeps & { leads: LeadStore },
  approver: string,
): Promise<number> {
  // Collect every draft first: approving moves tasks out of the status index being paged.
  const drafts: EngagementTask[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.tasks.listTasks('drafted', 100, cursor);
    drafts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  let approved = 0;
  for (const t of drafts) {
    if ((await deps.leads.getLead(t.prospectKey))?.state !== 'mql') continue;
    await approveTask(deps, { prospectKey: t.prospectKey, taskId: t.id, approver });
    approved++;
  }
  return approved;
}

/** How many tasks are in a status (the local summary counts executions as done tasks gained). */
export async function countTasks(
  deps: Pick<ApproveDeps, 'tasks'>,
  status: 'done' | 'drafted' | 'approved' | 'executing',
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
