import type { EngagementTask, TaskStatus } from '../domain/engagement-task.ts';
import type { Page } from './lead-store.ts';

/** The task fields a transition may set. */
export type TaskFields = Partial<
  Pick<
    EngagementTask,
    | 'approvedBy'
    | 'approvedAt'
    | 'executedAt'
    | 'result'
    | 'notBefore'
    | 'draft'
    | 'editedBy'
    | 'sendingAt'
    | 'replyId'
    | 'leaseUntil'
  >
>;

export interface TaskStore {
  /** Stores a draft once; a second draft of the same task id changes nothing. */
  putDraft(task: EngagementTask): Promise<'created' | 'exists'>;
  getTask(prospectKey: string, id: string): Promise<EngagementTask | undefined>;
  listTasks(status: TaskStatus, limit: number, cursor?: string): Promise<Page<EngagementTask>>;
  /** Moves `from` to `to` only if the task is still in `from`; false when it was not. */
  transitionTask(
    task: Pick<EngagementTask, 'id' | 'prospectKey'>,
    from: TaskStatus,
    to: TaskStatus,
    fields: TaskFields,
  ): Promise<boolean>;
  /**
   * The worker's claim: approved -> executing, or a takeover of an `executing` task whose lease
   * ran out (its worker crashed or timed out). Bumps `attempt`; undefined when someone else holds it.
   */
  claimTask(
    task: Pick<EngagementTask, 'id' | 'prospectKey'>,
    now: Date,
    leaseUntil: Date,
  ): Promise<EngagementTask | undefined>;
  /** Moves an `executing` task on, only if this claim (`attempt`) still holds it. */
  settleTask(
    task: Pick<EngagementTask, 'id' | 'prospectKey'>,
    attempt: number,
    to: TaskStatus,
    fields: TaskFields,
    remove?: readonly ('leaseUntil' | 'sendingAt')[],
  ): Promise<boolean>;
  /** Every task of one prospect (their partition), whatever its status. */
  listProspectTasks(prospectKey: string): Promise<EngagementTask[]>;
  /** Takes one of an account's daily engagement slots; false when the cap is reached. */
  takeDailySlot(account: string, day: string, cap: number): Promise<boolean>;
}
