import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { TABLE_LAYOUT } from '../shared/adapters/dynamodb/table.ts';

const local = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/** Creates the table from the same layout the CDK stack uses; an existing table is kept. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ ...local, endpoint });
  const attrs = new Set<string>([TABLE_LAYOUT.partitionKey, TABLE_LAYOUT.sortKey]);
  for (const i of TABLE_LAYOUT.indexes) attrs.add(i.partitionKey).add(i.sortKey);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attrs].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: TABLE_LAYOUT.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_LAYOUT.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE_LAYOUT.indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_LAYOUT.ttlAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await client.send(new DescribeTableCommand({ TableName: tableName }));
  client.destroy();
}

/** Creates (or finds) a queue and returns its URL. */
export async function ensureQueue(
  endpoint: string,
  name: string,
  visibilityTimeoutSeconds = 30,
  redrive?: { deadLetterArn: string; maxReceiveCount: number },
): Promise<string> {
  const client = new SQSClient({ ...local, endpoint, useQueueUrlAsEndpoint: false });
  const { QueueUrl } = await client.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(visibilityTimeoutSeconds),
        ...(redrive
          ? {
              RedrivePolicy: JSON.stringify({
                deadLetterTargetArn: redrive.deadLetterArn,
                maxReceiveCount: redrive.maxReceiveCount,
              }),
            }
          : {}),
      },
    }),
  );
  client.destroy();
  if (!QueueUrl) throw new Error(`no URL for queue ${name}`);
  return QueueUrl;
}

/**
 * A queue with its dead-letter queue, as the stateful stack builds them: a message received
 * `maxReceiveCount` times without being deleted moves to the DLQ.
 */
export async function ensureQueueWithDlq(
  endpoint: string,
  name: string,
  visibilityTimeoutSeconds: number,
  maxReceiveCount: number,
): Promise<{ url: string; dlqUrl: string }> {
  const dlqUrl = await ensureQueue(endpoint, `${name}-dlq`, visibilityTimeoutSeconds);
  const client = new SQSClient({ ...local, endpoint, useQueueUrlAsEndpoint: false });
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }),
  );
  client.destroy();
  const deadLetterArn = Attributes?.QueueArn;
  if (!deadLetterArn) throw new Error(`no ARN for queue ${name}-dlq`);
  const url = await ensureQueue(endpoint, name, visibilityTimeoutSeconds, { deadLetterArn, maxReceiveCount });
  return { url, dlqUrl };
}
