import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { TaskMessageSchema } from '../../shared/domain/engagement-task.ts';
import {
  type ExecuteDeps,
  type ExecuteOptions,
  executeEngagement,
} from '../../shared/use-cases/execute-engagement.ts';

/**
 * One record, one task. A record that fails (bad body, cap reached, store error) is reported in
 * batchItemFailures and comes back alone; the rest of the batch is done and deleted.
 */
export function createEngageHandler(deps: ExecuteDeps, options: ExecuteOptions) {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord) => {
    const message = TaskMessageSchema.parse(JSON.parse(record.body));
    const outcome = await executeEngagement(deps, message, options);
    deps.log.info('task message handled', { messageId: record.messageId, taskId: message.taskId, outcome });
    return outcome;
  };
  return (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false });
}
