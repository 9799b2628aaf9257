import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { toSqsEvent } from './sqs-event.ts';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export interface DrainResult {
  received: number;
  failed: number;
}

/**
 * Does what Lambda's SQS event source does: receive up to 10, invoke the handler, delete every
 * message except those reported in batchItemFailures (they reappear after the visibility timeout).
 */
export async function drainQueue(
  sqs: SQSClient,
  queueUrl: string,
  handler: SqsHandler,
  context: () => Context,
  options: { waitSeconds: number; stopWhenEmpty: boolean; signal?: AbortSignal },
): Promise<DrainResult> {
  const result: DrainResult = { received: 0, failed: 0 };
  while (!options.signal?.aborted) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: options.waitSeconds,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) {
      if (options.stopWhenEmpty) break;
      continue;
    }
    const response = await handler(
      toSqsEvent(Messages, 'arn:aws:sqs:us-east-1:000000000000:local', 'us-east-1'),
      context(),
    );
    const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
    const done = Messages.filter((m) => !failed.has(m.MessageId ?? ''));
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
        }),
      );
    }
    result.received += Messages.length;
    result.failed += failed.size;
  }
  return result;
}
