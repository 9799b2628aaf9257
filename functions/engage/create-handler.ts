import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { TaskMessageSchema } from '../../shared/domain/engagement-task.ts';
import type { TaskQueue } from '../../shared/ports/task-queue.ts';
import {
  type ExecuteDeps,
  type ExecuteOptions,
  executeEngagement,
} from '../../shared/use-cases/execute-engagement.ts';

/** Seconds past X's reset before trying again: its clock and ours are not the same clock. */
const RESET_MARGIN_S = 2;

/**
 * One record, one task, one at a time (replies are spaced out anyway). A record that fails (bad
 * body, store error, an unclear send) is reported in batchItemFailures and comes back alone; the
 * rest of the batch is done and deleted. A 429 is not a failure: that record and every later one
 * in the batch stay invisible until X's `x-rate-limit-reset`, without touching X again.
 */
export function createEngageHandler(
  deps: ExecuteDeps & { queue: Pick<TaskQueue, 'deferMessage'> },
  options: ExecuteOptions,
) {
  return async (event: SQSEvent, _context: Context): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    let blockedUntil: Date | undefined;
    const defer = async (record: SQSRecord, until: Date) => {
      const seconds = Math.max((until.getTime() - deps.clock.now().getTime()) / 1000, 0) + RESET_MARGIN_S;
      await deps.queue.deferMessage(record.receiptHandle, seconds);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    };
    for (const record of event.Records) {
      try {
        if (blockedUntil) {
          await defer(record, blockedUntil);
          deps.log.info('task message deferred', { messageId: record.messageId, outcome: 'rate-limited' });
          continue;
        }
        const message = TaskMessageSchema.parse(JSON.parse(record.body));
        const result = await executeEngagement(deps, message, options);
        if (result.outcome === 'rate-limited' && result.retryAt) {
          blockedUntil = result.retryAt;
          await defer(record, result.retryAt);
        }
        deps.log.info('task message handled', {
          messageId: record.messageId,
          taskId: message.taskId,
          outcome: result.outcome,
        });
      } catch (error) {
        deps.log.error('task message failed', { messageId: record.messageId, error: (error as Error).name });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}
