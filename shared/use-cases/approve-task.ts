import type { EngagementTask } from '../domain/engagement-task.ts';
import { checkPostLength, MAX_WEIGHTED_LENGTH } from '../domain/post-length.ts';
import type { Clock } from '../ports/clock.ts';
import type { Metrics } from '../ports/metrics.ts';
import type { TaskQueue } from '../ports/task-queue.ts';
import type { TaskStore } from '../ports/task-store.ts';

export interface ApproveDeps {
  tasks: TaskStore;
  queue: TaskQueue;
  clock: Clock;
  /** Counts tasks found stuck (alarmed on AWS); absent, nothing is counted. */
  metrics?: Metrics;
  /** Spacing between replies: each approved message waits up to this many seconds in SQS (jitter). */
  maxJitterSeconds?: number;
  random?: () => number;
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

/** The text X would refuse: said before anything is approved or sent. */
export class PostTooLongError extends Error {
  constructor(readonly weightedLength: number) {
    super(
      `text: ${weightedLength} weighted characters (links count 23, most emoji and CJK count 2); X allows ${MAX_WEIGHTED_LENGTH}`,
    );
    this.name = 'PostTooLongError';
  }
}

function assertPostable(text: string) {
  const length = checkPostLength(text);
  if (!length.valid) throw new PostTooLongError(length.weightedLength);
}

/** The marketer shapes a draft before approving it; only drafted tasks can change. */
export async function editTaskDraft(
  deps: Pick<ApproveDeps, 'tasks'>,
  input: { prospectKey: string; taskId: string; text: string; editor: string },
): Promise<EngagementTask> {
  assertPostable(input.text);
  const ref = { id: input.taskId, prospectKey: input.prospectKey };
  if (
    !(await deps.tasks.transitionTask(ref, 'drafted', 'drafted', {
      draft: input.text,
      editedBy: input.editor,
    }))
  ) {
    const task = await deps.tasks.getTask(input.prospectKey, input.taskId);
    if (!task) throw new TaskNotFoundError(input.taskId);
    throw new TaskStateError(input.taskId, task.status, 'drafted');
  }
  return (await deps.tasks.getTask(input.prospectKey, input.taskId)) as EngagementTask;
}

/**
 * A person approves a drafted task (optionally with their final text, which is then exactly what
 * is sent); only then does it go to the queue, delayed by a random jitter. Approving an already
 * approved task sends it again, which is safe: the worker posts a task once.
 */
export async function approveTask(
  deps: ApproveDeps,
  input: { prospectKey: string; taskId: string; approver: string; text?: string },
) {
  const ref = { id: input.taskId, prospectKey: input.prospectKey };
  const current = await deps.tasks.getTask(input.prospectKey, input.taskId);
  if (!current) throw new TaskNotFoundError(input.taskId);
  const text = input.text ?? current.draft;
  if (current.status === 'drafted') assertPostable(text);
  const moved = await deps.tasks.transitionTask(ref, 'drafted', 'approved', {
    approvedBy: input.approver,
    approvedAt: deps.clock.now().toISOString(),
    ...(input.text !== undefined && input.text !== current.draft
      ? { draft: input.text, editedBy: input.approver }
      : {}),
  });
  if (!moved) {
    const task = await deps.tasks.getTask(input.prospectKey, input.taskId);
    if (!task) throw new TaskNotFoundError(input.taskId);
    if (task.status !== 'approved') throw new TaskStateError(input.taskId, task.status, 'drafted');
  }
  await deps.queue.send([{ taskId: input.taskId, prospectKey: input.prospectKey }], jitter(deps));
}

function jitter(deps: ApproveDeps): ((m: unknown) => number) | undefined {
  const max = deps.maxJitterSeconds ?? 0;
  if (max <= 0) return undefined;
  const random = deps.random ?? Math.random;
  return () => Math.floor(random() * max);
}

/** An `executing` task whose lease ran out this long ago has lost its message: alarm. */
const STUCK_AFTER_MS = 30 * 60_000;

/**
 * Gives every non-final task a way forward. Re-sends approved tasks the worker has not done
 * (those a crash kept from the queue, approved more than `olderThanMs` ago, and those the daily
 * cap deferred, once their day has come), and `executing` tasks whose claim expired (their
 * message went to the DLQ or was lost): the worker reconciles those before sending. Tasks stuck
 * past half an hour are counted (`EngagementTasksStuck`, alarmed).
 */
export async function requeueApprovedTasks(deps: ApproveDeps, olderThanMs: number): Promise<number> {
  const now = deps.clock.now().getTime();
  const cutoff = now - olderThanMs;
  const due = (t: EngagementTask) =>
    t.notBefore
      ? Date.parse(t.notBefore) <= now
      : t.approvedAt !== undefined && Date.parse(t.approvedAt) <= cutoff;
  const expired = (t: EngagementTask) => t.leaseUntil === undefined || Date.parse(t.leaseUntil) <= now;
  let sent = 0;
  let stuck = 0;
  for (const [status, pick] of [
    ['approved', due],
    ['executing', expired],
  ] as const) {
    let cursor: string | undefined;
    do {
      const page = await deps.tasks.listTasks(status, 100, cursor);
      const stale = page.items.filter(pick);
      if (status === 'executing')
        stuck += stale.filter(
          (t) => Date.parse(t.leaseUntil ?? '1970-01-01T00:00:00Z') < now - STUCK_AFTER_MS,
        ).length;
      await deps.queue.send(stale.map((t) => ({ taskId: t.id, prospectKey: t.prospectKey })));
      sent += stale.length;
      cursor = page.nextCursor;
    } while (cursor);
  }
  deps.metrics?.count('EngagementTasksStuck', stuck);
  return sent;
}
