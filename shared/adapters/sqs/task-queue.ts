import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { TaskMessage } from '../../domain/engagement-task.ts';
import { MAX_DELAY_SECONDS, MAX_VISIBILITY_SECONDS, type TaskQueue } from '../../ports/task-queue.ts';

export interface SqsSettings {
  queueUrl: string;
  region: string;
  endpoint?: string;
}

export class QueueSendError extends Error {
  constructor(readonly failedIds: string[]) {
    super(`could not queue ${failedIds.length} task(s): ${failedIds.join(', ')}`);
    this.name = 'QueueSendError';
  }
}

/** Approved tasks on SQS, in batches of ten; entries SQS refuses are retried once, then reported. */
export class SqsTaskQueue implements TaskQueue {
  private readonly client: SQSClient;

  constructor(private readonly settings: SqsSettings) {
    this.client = new SQSClient({
      region: settings.region,
      ...(settings.endpoint
        ? {
            endpoint: settings.endpoint,
            // Local SQS servers hand out queue URLs on hosts that do not resolve; talk to the endpoint.
            useQueueUrlAsEndpoint: false,
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          }
        : {}),
    });
  }

  async send(
    messages: readonly TaskMessage[],
    delaySeconds?: (message: TaskMessage) => number,
  ): Promise<void> {
    const delay = (m: TaskMessage) =>
      delaySeconds ? Math.min(Math.max(Math.floor(delaySeconds(m)), 0), MAX_DELAY_SECONDS) : undefined;
    for (let i = 0; i < messages.length; i += 10) {
      let batch = messages.slice(i, i + 10);
      for (let attempt = 0; batch.length > 0; attempt++) {
        const result = await this.client.send(
          new SendMessageBatchCommand({
            QueueUrl: this.settings.queueUrl,
            Entries: batch.map((m, n) => {
              const d = delay(m);
              return { Id: String(n), MessageBody: JSON.stringify(m), ...(d ? { DelaySeconds: d } : {}) };
            }),
          }),
        );
        const failed = new Set((result.Failed ?? []).map((f) => Number(f.Id)));
        batch = batch.filter((_, n) => failed.has(n));
        if (batch.length > 0 && attempt >= 1) throw new QueueSendError(batch.map((m) => m.taskId));
      }
    }
  }

  async deferMessage(receiptHandle: string, seconds: number): Promise<void> {
    await this.client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: this.settings.queueUrl,
        ReceiptHandle: receiptHandle,
        VisibilityTimeout: Math.min(Math.max(Math.ceil(seconds), 0), MAX_VISIBILITY_SECONDS),
      }),
    );
  }
}
