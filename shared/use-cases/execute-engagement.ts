import type { EngagementTask, TaskMessage } from '../domain/engagement-task.ts';
import { checkPostLength, MAX_WEIGHTED_LENGTH } from '../domain/post-length.ts';
import type { Clock } from '../ports/clock.ts';
import {
  type EngagementClient,
  EngagementRateLimitedError,
  EngagementRefusedError,
} from '../ports/engagement-client.ts';
import type { LeadStore } from '../ports/lead-store.ts';
import type { Log } from '../ports/log.ts';
import type { TaskStore } from '../ports/task-store.ts';
import { RefreshRefusedError, XNotConnectedError } from '../ports/x-account.ts';

export interface ExecuteDeps {
  tasks: TaskStore;
  /** Read for the prospect's opt-out just before sending. */
  leads: Pick<LeadStore, 'getLead'>;
  client: EngagementClient;
  clock: Clock;
  log: Log;
}

export interface ExecuteOptions {
  account: string;
  dailyCap: number;
  /**
   * How long a claim holds: longer than one invocation (the function timeout) and shorter than
   * the queue's visibility timeout, so a redelivery after a crash can always take over.
   */
  leaseMs: number;
}

export type ExecuteOutcome =
  | 'done'
  | 'reconciled'
  | 'failed'
  | 'skipped'
  | 'deferred'
  | 'rate-limited'
  | 'awaiting-connection'
  | 'in-flight'
  | 'duplicate'
  | 'not-approved'
  | 'missing';

export interface ExecuteResult {
  outcome: ExecuteOutcome;
  /** For `rate-limited`: when X takes posts again (the message waits until then). */
  retryAt?: Date;
}

/** Midnight UTC after `now`: when a capped account may engage again. */
function nextDay(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
}

/** How far back to look for our reply: a little before the sending marker, for clock skew. */
const RECONCILE_SKEW_MS = 60_000;

/**
 * Executes one approved task, and posts at most once. The claim is a conditional write with a
 * lease, so a second delivery of the same message finds the task held and does nothing. Just
 * before the call the task gets its sending marker; a delivery that later takes over an expired
 * claim with that marker first looks for our reply on X and only sends when there is none. An
 * ambiguous failure (timeout, 5xx) leaves the marker and rethrows, so SQS redelivers the message
 * after the lease has run out: no task stays `executing` without a way forward.
 */
export async function executeEngagement(
  deps: ExecuteDeps,
  message: TaskMessage,
  options: ExecuteOptions,
): Promise<ExecuteResult> {
  const read = await deps.tasks.getTask(message.prospectKey, message.taskId);
  if (!read) return { outcome: 'missing' };
  if (read.status === 'drafted') return { outcome: 'not-approved' };
  if (read.status !== 'approved' && read.status !== 'executing') return { outcome: 'duplicate' };
  const now = deps.clock.now();
  const task = await deps.tasks.claimTask(read, now, new Date(now.getTime() + options.leaseMs));
  if (!task) return { outcome: 'in-flight' };
  const attempt = task.attempt ?? 1;
  const settle = (to: EngagementTask['status'], fields: Parameters<TaskStore['settleTask']>[3]) =>
    deps.tasks.settleTask(task, attempt, to, fields, to === 'executing' ? [] : ['leaseUntil']);

  if (task.sendingAt) {
    const since = new Date(Date.parse(task.sendingAt) - RECONCILE_SKEW_MS);
    const found = await deps.client.findReply(task, since);
    if (found) {
      await settle('done', {
        executedAt: deps.clock.now().toISOString(),
        replyId: found,
        result: `reconciled: X already had our reply ${found}`,
      });
      deps.log.info('task reconciled', { taskId: task.id, attempt });
      return { outcome: 'reconciled' };
    }
  } else if (read.status === 'approved') {
    // A takeover already holds its slot; a fresh claim takes one.
    if (
      !(await deps.tasks.takeDailySlot(options.account, now.toISOString().slice(0, 10), options.dailyCap))
    ) {
      // Not an error: the task stays approved and the discovery cycle re-sends it tomorrow.
      await settle('approved', { notBefore: nextDay(now) });
      deps.log.info('task deferred by the daily cap', { taskId: task.id, cap: options.dailyCap });
      return { outcome: 'deferred' };
    }
  }

  const refusal = await refusalOf(deps, task);
  if (refusal) {
    await settle(refusal.to, { result: refusal.reason });
    deps.log.info('task not sent', { taskId: task.id, outcome: refusal.to });
    return { outcome: refusal.to };
  }

  if (!(await settle('executing', { sendingAt: deps.clock.now().toISOString() })))
    return { outcome: 'in-flight' };
  try {
    const sent = await deps.client.execute(task);
    await settle('done', {
      executedAt: deps.clock.now().toISOString(),
      result: sent.summary,
      ...(sent.postId ? { replyId: sent.postId } : {}),
    });
    deps.log.info('task executed', { taskId: task.id, kind: task.kind, mode: deps.client.mode });
    return { outcome: 'done' };
  } catch (error) {
    if (error instanceof EngagementRateLimitedError) {
      // X took nothing: the task goes back to approved and its message waits for the reset.
      await deps.tasks.settleTask(task, attempt, 'approved', {}, ['leaseUntil', 'sendingAt']);
      return { outcome: 'rate-limited', retryAt: error.resetAt };
    }
    if (error instanceof EngagementRefusedError) {
      await settle('failed', { result: `X refused the reply: ${error.message}` });
      deps.log.warn('task refused by X', { taskId: task.id, reason: error.reason });
      return { outcome: 'failed' };
    }
    if (error instanceof XNotConnectedError || error instanceof RefreshRefusedError) {
      // Nothing was sent; the task waits, approved, until an admin reconnects (the cycle requeues it).
      await deps.tasks.settleTask(task, attempt, 'approved', {}, ['leaseUntil', 'sendingAt']);
      deps.log.warn('task waits for the X connection', { taskId: task.id });
      return { outcome: 'awaiting-connection' };
    }
    // Ambiguous (timeout, 5xx, network): X may have the post. Keep the marker; the redelivery reconciles.
    deps.log.warn('task send unclear; will reconcile on redelivery', {
      taskId: task.id,
      error: (error as Error).name,
    });
    throw error;
  }
}

/** Why a task must not be sent now, checked at the last moment: opt-out and X's length limit. */
async function refusalOf(
  deps: ExecuteDeps,
  task: EngagementTask,
): Promise<{ to: 'skipped' | 'failed'; reason: string } | undefined> {
  const lead = await deps.leads.getLead(task.prospectKey);
  if (lead?.optedOut) return { to: 'skipped', reason: 'prospect opted out' };
  const length = checkPostLength(task.draft);
  if (!length.valid)
    return {
      to: 'failed',
      reason: `text is ${length.weightedLength} weighted characters; X allows ${MAX_WEIGHTED_LENGTH}`,
    };
  return undefined;
}
