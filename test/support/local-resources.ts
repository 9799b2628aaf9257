import { randomUUID } from 'node:crypto';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { inject } from 'vitest';
import { ensureQueue, ensureTable } from '../../local/create-resources.ts';
import { buildExportFiles, buildStores, buildTaskQueue } from '../../shared/adapters/build.ts';
import { openS3 } from '../../shared/adapters/s3/export-bucket.ts';

/** A new table on the shared DynamoDB Local, so test files never see each other's data. */
export async function freshStores() {
  const endpoint = inject('dynamoEndpoint');
  const name = `t-${randomUUID().slice(0, 8)}`;
  await ensureTable(endpoint, name);
  return buildStores({
    TABLE_NAME: name,
    AWS_REGION: 'us-east-1',
    DYNAMODB_ENDPOINT: endpoint,
    RETENTION_DAYS: 30,
  });
}

/** A new queue on the shared fauxqs, with a client for receiving from it. */
export async function freshQueue(visibilityTimeoutSeconds = 30) {
  const endpoint = inject('sqsEndpoint');
  const url = await ensureQueue(endpoint, `q-${randomUUID().slice(0, 8)}`, visibilityTimeoutSeconds);
  const sqs = new SQSClient({
    region: 'us-east-1',
    endpoint,
    useQueueUrlAsEndpoint: false,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    url,
    sqs,
    queue: buildTaskQueue({ ENGAGE_QUEUE_URL: url, SQS_ENDPOINT: endpoint, AWS_REGION: 'us-east-1' }),
  };
}

/** A new bucket on the shared fauxqs (it serves S3 on the SQS port), with a client for reading it. */
export async function freshBucket() {
  const endpoint = inject('sqsEndpoint');
  const name = `b-${randomUUID().slice(0, 8)}`;
  const s3 = openS3({ region: 'us-east-1', endpoint });
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  return {
    name,
    s3,
    files: buildExportFiles({ EXPORT_BUCKET: name, AWS_REGION: 'us-east-1', S3_ENDPOINT: endpoint }),
  };
}
